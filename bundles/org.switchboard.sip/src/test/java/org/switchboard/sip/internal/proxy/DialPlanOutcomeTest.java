package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Fallback.Condition;
import org.switchboard.api.dialplan.Fallback.Kind;

class DialPlanOutcomeTest {
    private static final Fallback NO_ANSWER = new Fallback(Condition.NO_ANSWER, 20, Kind.APPLICATION, "voicemail");
    private static final Fallback BUSY = new Fallback(Condition.BUSY, 0, Kind.NUMBER, "200");
    private static final Fallback REJECT = new Fallback(Condition.REJECT, 0, Kind.APPLICATION, "ivr");
    private static final List<Fallback> ALL = List.of(NO_ANSWER, BUSY, REJECT);

    private static Decision decision(Decision.Type type, String target, List<Fallback> fallbacks) {
        return new Decision(type, target, "dialled", "+4412", null, fallbacks);
    }

    @Test
    void aUserIsForkedWithFallbacksForInviteOnly() {
        Decision d = decision(Decision.Type.USER, "bob", ALL);
        assertEquals(new DialPlanOutcome.ToUser("bob", ALL), DialPlanOutcome.of(d, "INVITE"));
        assertEquals(new DialPlanOutcome.ToUser("bob", List.of()), DialPlanOutcome.of(d, "MESSAGE"));
    }

    @Test
    void anApplicationGetsTheNumberAsArgument() {
        Decision d = decision(Decision.Type.APPLICATION, "meetings", List.of());
        assertEquals(new DialPlanOutcome.ToApplication("meetings", "+4412"), DialPlanOutcome.of(d, "INVITE"));
        assertEquals(404, ((DialPlanOutcome.Refuse) DialPlanOutcome.of(d, "MESSAGE")).status());
    }

    @Test
    void rejectionsFeatureCodesAndTrunksAreRefused() {
        assertEquals(403, ((DialPlanOutcome.Refuse) DialPlanOutcome.of(Decision.reject(403, "x", "x", null), "INVITE")).status());
        assertEquals(501, ((DialPlanOutcome.Refuse) DialPlanOutcome.of(decision(Decision.Type.FEATURE_CODE, "dnd-on",
                List.of()), "INVITE")).status());
        assertEquals(503, ((DialPlanOutcome.Refuse) DialPlanOutcome.of(decision(Decision.Type.TRUNK, "default",
                List.of()), "INVITE")).status());
    }

    @Test
    void theFallbackFollowsTheFailure() {
        assertEquals(NO_ANSWER, DialPlanOutcome.fallbackFor(ALL, 487, true).orElseThrow());
        assertEquals(NO_ANSWER, DialPlanOutcome.fallbackFor(ALL, 408, false).orElseThrow());
        assertEquals(BUSY, DialPlanOutcome.fallbackFor(ALL, 486, false).orElseThrow());
        assertEquals(BUSY, DialPlanOutcome.fallbackFor(ALL, 600, false).orElseThrow());
        assertEquals(REJECT, DialPlanOutcome.fallbackFor(ALL, 603, false).orElseThrow());
        assertEquals(REJECT, DialPlanOutcome.fallbackFor(ALL, 480, false).orElseThrow());
    }

    @Test
    void otherFailuresAndMissingFallbacksGoToTheCaller() {
        assertTrue(DialPlanOutcome.fallbackFor(ALL, 487, false).isEmpty(), "the caller cancelled");
        assertTrue(DialPlanOutcome.fallbackFor(ALL, 404, false).isEmpty());
        assertTrue(DialPlanOutcome.fallbackFor(List.of(NO_ANSWER), 486, false).isEmpty());
        assertTrue(DialPlanOutcome.fallbackFor(List.of(), 486, true).isEmpty());
    }

    @Test
    void noAnswerSeconds() {
        assertEquals(20, DialPlanOutcome.noAnswerSeconds(ALL).getAsInt());
        assertTrue(DialPlanOutcome.noAnswerSeconds(List.of(BUSY)).isEmpty());
    }
}

package org.switchboard.dialplan.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Decision.Type;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Fallback.Condition;
import org.switchboard.api.dialplan.Fallback.Kind;
import org.switchboard.api.dialplan.Rule;

class DialPlanFormatTest {
    private static final Rule ECHO = new Rule(1, "*43", Type.APPLICATION, "echo");
    private static final Rule TRUNK = new Rule(4, "^\\+44(\\d+)$", Type.TRUNK, "default");
    private static final Fallback NO_ANSWER = new Fallback(Condition.NO_ANSWER, 20, Kind.APPLICATION, "voicemail");
    private static final Fallback BUSY = new Fallback(Condition.BUSY, 0, Kind.NUMBER, "1002");

    @Test
    void ruleDecisions() {
        assertEquals("*43 -> application echo (rule 1: *43 = application:echo)",
                DialPlanFormat.decision(new Decision(Type.APPLICATION, "echo", "*43", "*43", ECHO, List.of())));
        assertEquals("07700 900123 -> +447700900123 -> trunk default (rule 4: ^\\+44(\\d+)$ = trunk:default)",
                DialPlanFormat.decision(new Decision(Type.TRUNK, "default", "07700 900123", "+447700900123", TRUNK,
                        List.of())));
    }

    @Test
    void userWithFallbacks() {
        assertEquals("bob -> user bob; no answer after 20 s -> application voicemail; busy -> number 1002",
                DialPlanFormat.decision(new Decision(Type.USER, "bob", "bob", "bob", null, List.of(NO_ANSWER, BUSY))));
        assertEquals("100 -> user alice (rule 5: 100 = user:alice)", DialPlanFormat.decision(
                new Decision(Type.USER, "alice", "100", "100", new Rule(5, "100", Type.USER, "alice"), List.of())));
    }

    @Test
    void rejections() {
        assertEquals("carol -> reject 404 (no rule matches, no user 'carol')",
                DialPlanFormat.decision(Decision.reject(404, "carol", "carol", null)));
        assertEquals("'' -> reject 484 (nothing dialled)", DialPlanFormat.decision(Decision.reject(484, "", "", null)));
        assertEquals("7000 -> reject 404 (rule 10: 7000 = user:nobody; no such user)", DialPlanFormat.decision(
                Decision.reject(404, "7000", "7000", new Rule(10, "7000", Type.USER, "nobody"))));
        assertEquals("+19005550100 -> reject 403 (rule 8: +1900... = reject:403)", DialPlanFormat.decision(
                Decision.reject(403, "+19005550100", "+19005550100", new Rule(8, "+1900...", Type.REJECT, "403"))));
    }

    @Test
    void featureAndReject() {
        assertEquals("reject -> application voicemail",
                DialPlanFormat.fallback(new Fallback(Condition.REJECT, 0, Kind.APPLICATION, "voicemail")));
        assertEquals("*78 -> feature dnd-on (rule 6: *78 = feature:dnd-on)", DialPlanFormat.decision(new Decision(
                Type.FEATURE_CODE, "dnd-on", "*78", "*78", new Rule(6, "*78", Type.FEATURE_CODE, "dnd-on"), List.of())));
    }

    @Test
    void planListsSettingsRulesAndFallbacks() {
        Map<String, List<Fallback>> fallbacks = new LinkedHashMap<>();
        fallbacks.put("bob", List.of(NO_ANSWER, BUSY));
        fallbacks.put("*", List.of(NO_ANSWER));
        String out = DialPlanFormat.plan("  country code          +44", List.of(ECHO,
                new Rule(2, "8000-8999", Type.APPLICATION, "meetings"), TRUNK), fallbacks);
        String nl = System.lineSeparator();
        assertEquals("Normalisation\n  country code          +44\n"
                + "Rules (first match wins; then a local user name; else reject 404)\n"
                + "   1  *43         = application:echo" + nl
                + "   2  8000-8999   = application:meetings" + nl
                + "   4  ^\\+44(\\d+)$ = trunk:default" + nl
                + "Fallbacks\n"
                + "  bob  no answer after 20 s -> application voicemail; busy -> number 1002" + nl
                + "  *    no answer after 20 s -> application voicemail" + nl, out);
    }

    @Test
    void emptyPlan() {
        assertEquals("Normalisation\nx\nRules (first match wins; then a local user name; else reject 404)\n  (none)\n"
                + "Fallbacks\n  (none: a call that is not answered ends there)\n",
                DialPlanFormat.plan("x", List.of(), Map.of()));
    }
}

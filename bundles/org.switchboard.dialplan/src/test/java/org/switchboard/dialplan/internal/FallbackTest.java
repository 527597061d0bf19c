package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Fallback.Condition;
import org.switchboard.api.dialplan.Fallback.Kind;

class FallbackTest {
    private static final String SRC = "etc/org.switchboard.dialplan.fallback-bob.cfg";

    private static List<String> problems(String user, String seconds, String noAnswer, String busy, String reject) {
        return assertThrows(ConfigException.class,
                () -> FallbackSet.parse(SRC, user, seconds, noAnswer, busy, reject)).problems();
    }

    @Test
    void parsesEveryCondition() {
        FallbackSet s = FallbackSet.parse(SRC, "bob", "25", "application:voicemail", "1002", "number:07700 900123");
        assertEquals("bob", s.user());
        assertEquals(List.of(new Fallback(Condition.NO_ANSWER, 25, Kind.APPLICATION, "voicemail"),
                new Fallback(Condition.BUSY, 0, Kind.NUMBER, "1002"),
                new Fallback(Condition.REJECT, 0, Kind.NUMBER, "07700 900123")), s.fallbacks());
    }

    @Test
    void unsetConditionsAreLeftOutAndSecondsIgnoredWithoutNoAnswer() {
        FallbackSet s = FallbackSet.parse(SRC, "*", "nonsense", "", "application:voicemail", null);
        assertEquals(List.of(new Fallback(Condition.BUSY, 0, Kind.APPLICATION, "voicemail")), s.fallbacks());
        assertEquals(FallbackSet.ANY_USER, s.user());
    }

    @Test
    void aUserNameIsATargetToo() {
        assertEquals(new Fallback(Condition.NO_ANSWER, 20, Kind.NUMBER, "alice"),
                FallbackSet.parse(SRC, "bob", "20", "alice", "", "").fallbacks().get(0));
    }

    @Test
    void badConfigurationsNameTheKeyAndTheFix() {
        List<String> p = problems("bob smith", "0", "application:", "app:voicemail", "+44 77 00x");
        assertEquals(5, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("user = 'bob smith' is not a user name. Fix:"), p.get(0));
        assertTrue(p.get(1).startsWith("no.answer.seconds = '0' is not a ringing time. Fix: 1-600"), p.get(1));
        assertTrue(p.get(2).startsWith("no.answer = 'application:' is not a fallback. Fix: application:<name>"), p.get(2));
        assertTrue(p.get(3).startsWith("busy = 'app:voicemail' is not a fallback"), p.get(3));
        assertTrue(p.get(4).startsWith("reject = '+44 77 00x' is not a fallback"), p.get(4));
        assertEquals(List.of("no fallback is set. Fix: set no.answer, busy or reject, e.g. busy = application:voicemail"),
                problems("bob", "20", "", " ", null));
        assertTrue(problems(null, "20", "", "1002", "").get(0).startsWith("user = '' is not a user name"));
        assertTrue(problems("bob", "601", "1002", "", "").get(0).contains("'601'"));
    }

    @Test
    void aUsersOwnFallbacksWinOverTheDefault() {
        FallbackTable table = new FallbackTable();
        UserFallbacks any = fallbacks("*", "application:voicemail");
        UserFallbacks bob = fallbacks("bob", "1002");
        UserFallbacks bobAgain = fallbacks("bob", "1003");
        table.add(any);
        table.add(bob);
        table.add(bobAgain);
        assertEquals("1002", table.forUser("bob").get(0).target());
        assertEquals("voicemail", table.forUser("alice").get(0).target());
        table.remove(bob);
        assertEquals("1003", table.forUser("bob").get(0).target());
        table.remove(bobAgain);
        table.remove(any);
        assertEquals(List.of(), table.forUser("bob"));
    }

    static UserFallbacks fallbacks(String user, String busy) {
        return new UserFallbacks(new UserFallbacks.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return UserFallbacks.Config.class;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String no_answer_seconds() {
                return "20";
            }

            @Override
            public String no_answer() {
                return "";
            }

            @Override
            public String busy() {
                return busy;
            }

            @Override
            public String reject() {
                return "";
            }
        }, java.util.Map.of("service.pid", UserFallbacks.PID + "." + user));
    }
}

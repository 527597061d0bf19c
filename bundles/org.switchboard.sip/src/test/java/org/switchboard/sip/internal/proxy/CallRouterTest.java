package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Rule;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;
import org.switchboard.testing.InMemoryDirectory;
import org.switchboard.sip.internal.InMemoryLocationStore;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.Sip;

class CallRouterTest {
    private static final Flow CALLER = new Flow("UDP", "198.51.100.7", 5060);
    private static final Fallback BUSY_TO_ECHO = new Fallback(Fallback.Condition.BUSY, 0, Fallback.Kind.APPLICATION, "echo");

    private final InMemoryLocationStore location = new InMemoryLocationStore();
    private final TargetResolver resolver = new TargetResolver(Sip.context(), location,
            new InMemoryDirectory().add("carol", "example.com", "c"));
    private final List<Inbound> answered = new ArrayList<>();
    private final CallRouter router = new CallRouter(new Responses(Sip.context()), resolver,
            (in, app, arg, dialled) -> answered.add(in), CarolFallsBackToEcho::new);

    CallRouterTest() {
        location.replace("sip:carol@example.com", List.of(new Binding("sip:carol@example.com",
                "sip:carol@198.51.100.30:5060", "", 0, 1f, Instant.parse("2099-01-01T00:00:00Z"), "reg-1", 1, List.of(),
                new Flow("UDP", "198.51.100.30", 5060), "")));
    }

    @Test
    void aBusyThatArrivesBeforeTheForkReturnsIsAnsweredInTheForksTransaction() {
        Request invite = Sip.request("INVITE", "sip:carol@example.com");
        Inbound opened = new Inbound(invite, transaction(), CALLER);

        // the callee's 486 beats the forking thread: the hook runs before fork() returns
        boolean routed = router.route(new Inbound(invite, null, CALLER), invite, "alice",
                (in, work, targets, hook, noAnswer) -> {
                    assertEquals(1, targets.size());
                    assertTrue(hook.takeOver(opened, 486, false));
                    return opened;
                }, false);

        assertTrue(routed);
        assertEquals(1, answered.size());
        assertSame(opened.tx(), answered.get(0).tx(), "the application answers in the open transaction");
    }

    @Test
    void aFallbackIsTakenOnceOnly() {
        Request invite = Sip.request("INVITE", "sip:carol@example.com");
        Inbound opened = new Inbound(invite, transaction(), CALLER);
        List<Boolean> takes = new ArrayList<>();
        router.route(new Inbound(invite, null, CALLER), invite, "alice", (in, work, targets, hook, noAnswer) -> {
            takes.add(hook.takeOver(opened, 486, false));
            takes.add(hook.takeOver(opened, 486, false));
            return opened;
        }, false);
        assertEquals(List.of(true, false), takes);
        assertEquals(1, answered.size());
    }

    private static ServerTransaction transaction() {
        return (ServerTransaction) java.lang.reflect.Proxy.newProxyInstance(CallRouterTest.class.getClassLoader(),
                new Class<?>[] {ServerTransaction.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Carol falls back to the echo application when busy. */
    private static final class CarolFallsBackToEcho implements DialPlan {
        @Override
        public Decision route(String from, String dialled) {
            return new Decision(Decision.Type.USER, dialled, dialled, dialled, null,
                    "carol".equals(dialled) ? List.of(BUSY_TO_ECHO) : List.of());
        }

        @Override
        public String normalise(String dialled) {
            return dialled;
        }

        @Override
        public List<Rule> rules() {
            return List.of();
        }

        @Override
        public List<Fallback> fallbacks(String user) {
            return "carol".equals(user) ? List.of(BUSY_TO_ECHO) : List.of();
        }
    }
}

package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;
import org.switchboard.testing.InMemoryDirectory;
import org.switchboard.sip.internal.InMemoryLocationStore;
import org.switchboard.sip.internal.Sip;

class TargetResolverTest {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final String WS_CONTACT = "sip:x7q2@df7jal23ls0d.invalid;transport=ws";
    private static final Flow WS_FLOW = new Flow("WS", "203.0.113.5", 40000);

    private final InMemoryLocationStore location = new InMemoryLocationStore();
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .add("alice", "example.com", "a").add("bob", "example.com", "b").add("carol", "example.com", "c");
    private final TargetResolver resolver = new TargetResolver(Sip.context(), location, directory);

    private static Binding binding(String aor, String contact, float q, Flow flow, List<String> path) {
        return new Binding(aor, contact, "", 0, q, LATER, "reg-" + contact, 1, path, flow, "");
    }

    private TargetResolver.Forward forward(String ruri) {
        return assertInstanceOf(TargetResolver.Forward.class, resolver.initial(Sip.uri(ruri)));
    }

    private TargetResolver.Reject reject(String ruri) {
        return assertInstanceOf(TargetResolver.Reject.class, resolver.initial(Sip.uri(ruri)));
    }

    @Test
    void unknownUserIs404() {
        assertEquals(404, reject("sip:nobody@example.com").status());
        assertEquals(404, reject("sip:example.com").status());
    }

    @Test
    void knownUserWithoutBindingsIs480() {
        assertEquals(480, reject("sip:carol@example.com").status());
    }

    @Test
    void telUriIs416() {
        assertEquals(416, reject("tel:+15551234567").status());
    }

    @Test
    void userWithTwoBindingsForksToBothHighestQFirst() {
        location.replace("sip:bob@example.com", List.of(
                binding("sip:bob@example.com", "sip:bob@198.51.100.20:5060", 0.5f, new Flow("UDP", "198.51.100.20", 5060), List.of()),
                binding("sip:bob@example.com", "sip:bob@198.51.100.21:5070", 0.9f, new Flow("UDP", "198.51.100.21", 5070), List.of())));
        List<Target> targets = forward("sip:bob@example.com").targets();
        assertEquals(List.of("sip:bob@198.51.100.21:5070", "sip:bob@198.51.100.20:5060"), targets.stream().map(Target::uri).toList());
        assertNull(targets.get(0).flow(), "a public contact that sent the REGISTER itself is reached directly");
    }

    @Test
    void localAliasesReachTheSameUser() {
        location.replace("sip:bob@example.com", List.of(
                binding("sip:bob@example.com", "sip:bob@198.51.100.20:5060", 1f, new Flow("UDP", "198.51.100.20", 5060), List.of())));
        assertEquals(1, forward("sip:bob@localhost").targets().size());
        assertEquals(1, forward("sip:bob@127.0.0.1:5060").targets().size());
        assertEquals(1, forward("sip:bob@example.com:5066;transport=ws").targets().size());
    }

    @Test
    void natedAndPathBindingsGetTheirFlowOrRoute() {
        Flow nat = new Flow("UDP", "203.0.113.9", 41000);
        location.replace("sip:alice@example.com", List.of(
                binding("sip:alice@example.com", "sip:alice@192.168.1.20:5060", 1f, nat, List.of()),
                binding("sip:alice@example.com", "sip:alice@192.168.1.21:5060", 0.5f, nat, List.of("<sip:edge.example.net;lr>"))));
        List<Target> targets = forward("sip:alice@example.com").targets();
        assertEquals(nat, targets.get(0).flow());
        assertEquals(List.of(), targets.get(0).path());
        assertNull(targets.get(1).flow(), "with a Path the request follows the edge proxy, not the flow");
        assertEquals(List.of("<sip:edge.example.net;lr>"), targets.get(1).path());
    }

    @Test
    void otherDomainIsForwardedUnchanged() {
        TargetResolver.Forward f = forward("sip:dave@example.org;transport=tcp");
        assertEquals(List.of(new Target("sip:dave@example.org;transport=tcp", List.of(), null)), f.targets());
    }

    @Test
    void localHostOnAPortThatIsNotOursIsNotALocalUser() {
        assertEquals(List.of(new Target("sip:bob@127.0.0.1:5080", List.of(), null)),
                forward("sip:bob@127.0.0.1:5080").targets());
        assertEquals(List.of(new Target("sip:nobody@127.0.0.1:5080", List.of(), null)),
                forward("sip:nobody@127.0.0.1:5080").targets());
    }

    @Test
    void requestToARegisteredContactGoesOverItsFlow() {
        location.replace("sip:alice@example.com", List.of(binding("sip:alice@example.com", WS_CONTACT, 1f, WS_FLOW, List.of())));
        assertEquals(List.of(new Target(WS_CONTACT, List.of(), WS_FLOW)), forward(WS_CONTACT).targets());
    }

    @Test
    void inDialogWithATokenOfAnotherFlowGoesOverTheTokenFlow() {
        Flow caller = new Flow("UDP", "198.51.100.7", 5060);
        Target t = resolver.inDialog(Sip.uri("sip:alice@192.168.1.20:5060"), false, caller, WS_FLOW);
        assertEquals(new Target("sip:alice@192.168.1.20:5060", List.of(), WS_FLOW), t);
    }

    @Test
    void inDialogOnTheTokenFlowItselfIsRoutedByTheRequestUri() {
        Flow callee = new Flow("UDP", "198.51.100.7", 5060);
        location.replace("sip:alice@example.com", List.of(binding("sip:alice@example.com", WS_CONTACT, 1f, WS_FLOW, List.of())));
        assertEquals(new Target(WS_CONTACT, List.of(), WS_FLOW), resolver.inDialog(Sip.uri(WS_CONTACT), false, callee, callee));
        assertEquals(new Target("sip:dave@198.51.100.30", List.of(), null),
                resolver.inDialog(Sip.uri("sip:dave@198.51.100.30"), false, callee, callee));
    }

    @Test
    void inDialogWithOtherRoutesLeftFollowsThem() {
        location.replace("sip:alice@example.com", List.of(binding("sip:alice@example.com", WS_CONTACT, 1f, WS_FLOW, List.of())));
        assertEquals(new Target(WS_CONTACT, List.of(), null),
                resolver.inDialog(Sip.uri(WS_CONTACT), true, new Flow("UDP", "198.51.100.7", 5060), WS_FLOW));
    }
}

package org.switchboard.sip.internal.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

class RegistrarPolicyTest {
    private static final String AOR = "sip:alice@example.com";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Flow FLOW = new Flow("UDP", "198.51.100.7", 5060);
    /** min 60, max 3600, default 600, 3 contacts. */
    private final RegistrarPolicy policy = new RegistrarPolicy(60, 3600, 600, 3);

    private static ContactRequest contact(String uri, Integer expires, Float q) {
        return new ContactRequest(uri, expires, q, "", 0);
    }

    private static RegisterRequest reg(Integer expires, String callId, long cseq, ContactRequest... contacts) {
        return new RegisterRequest(AOR, List.of(contacts), false, expires, callId, cseq, List.of(), FLOW, "ua/1");
    }

    private static RegisterRequest wildcard(Integer expires, String callId, long cseq, ContactRequest... others) {
        return new RegisterRequest(AOR, List.of(others), true, expires, callId, cseq, List.of(), FLOW, "ua/1");
    }

    private List<Binding> accepted(RegisterRequest req, List<Binding> current) {
        return assertInstanceOf(RegistrarPolicy.Accepted.class, policy.apply(req, current, NOW)).bindings();
    }

    private RegistrarPolicy.Rejected rejected(RegisterRequest req, List<Binding> current) {
        return assertInstanceOf(RegistrarPolicy.Rejected.class, policy.apply(req, current, NOW));
    }

    private static long secondsLeft(Binding b) {
        return b.expires().getEpochSecond() - NOW.getEpochSecond();
    }

    @Test
    void defaultExpiresAppliesWithoutHeaderOrParameter() {
        List<Binding> out = accepted(reg(null, "c1", 1, contact("sip:alice@198.51.100.7", null, null)), List.of());
        assertEquals(1, out.size());
        Binding b = out.get(0);
        assertEquals(600, secondsLeft(b));
        assertEquals(AOR, b.aor());
        assertEquals("sip:alice@198.51.100.7", b.contact());
        assertEquals(1.0f, b.q());
        assertEquals("c1", b.callId());
        assertEquals(1, b.cseq());
        assertEquals(FLOW, b.flow());
        assertEquals("ua/1", b.userAgent());
    }

    @Test
    void contactParameterWinsOverExpiresHeader() {
        List<Binding> out = accepted(reg(120, "c1", 1, contact("sip:a@h1", 300, null), contact("sip:a@h2", null, null)), List.of());
        assertEquals(300, secondsLeft(out.get(0)));
        assertEquals(120, secondsLeft(out.get(1)));
    }

    @Test
    void tooBriefIntervalIs423WithMinExpires() {
        RegistrarPolicy.Rejected r = rejected(reg(59, "c1", 1, contact("sip:a@h1", null, null)), List.of());
        assertEquals(423, r.status());
        assertEquals(60, r.minExpires());
        assertEquals(423, rejected(reg(3600, "c1", 1, contact("sip:a@h1", 1, null)), List.of()).status());
        assertEquals(60, secondsLeft(accepted(reg(60, "c1", 1, contact("sip:a@h1", null, null)), List.of()).get(0)));
    }

    @Test
    void longIntervalIsCappedAtMax() {
        assertEquals(3600, secondsLeft(accepted(reg(86400, "c1", 1, contact("sip:a@h1", null, null)), List.of()).get(0)));
    }

    @Test
    void expiresZeroRemovesOnlyThatContact() {
        List<Binding> two = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, null), contact("sip:a@h2", null, null)), List.of());
        List<Binding> out = accepted(reg(null, "c1", 2, contact("sip:a@h1", 0, null)), two);
        assertEquals(List.of("sip:a@h2"), out.stream().map(Binding::contact).toList());
        assertEquals(List.of(), accepted(reg(0, "c1", 3, contact("sip:a@h2", null, null)), out));
    }

    @Test
    void wildcardRemovesEverythingOnlyWithExpiresZeroAndAlone() {
        List<Binding> two = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, null), contact("sip:a@h2", null, null)), List.of());
        assertEquals(List.of(), accepted(wildcard(0, "other", 1), two));
        assertEquals(400, rejected(wildcard(null, "other", 1), two).status());
        assertEquals(400, rejected(wildcard(3600, "other", 1), two).status());
        assertEquals(400, rejected(wildcard(0, "other", 1, contact("sip:a@h3", null, null)), two).status());
    }

    @Test
    void wildcardWithStaleCSeqOfSameCallIdIs500() {
        List<Binding> one = accepted(reg(600, "c1", 5, contact("sip:a@h1", null, null)), List.of());
        assertEquals(500, rejected(wildcard(0, "c1", 5), one).status());
        assertEquals(List.of(), accepted(wildcard(0, "c1", 6), one));
    }

    @Test
    void qValueIsKeptAndValidated() {
        List<Binding> out = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, 0.2f), contact("sip:a@h2", null, 0.9f),
                contact("sip:a@h3", null, null)), List.of());
        assertEquals(List.of(0.2f, 0.9f, 1.0f), out.stream().map(Binding::q).toList());
        assertEquals(400, rejected(reg(600, "c1", 1, contact("sip:a@h1", null, 1.5f)), List.of()).status());
        assertEquals(400, rejected(reg(600, "c1", 1, contact("sip:a@h1", null, -0.1f)), List.of()).status());
        assertEquals(0f, accepted(reg(600, "c1", 1, contact("sip:a@h1", null, 0f)), List.of()).get(0).q());
    }

    @Test
    void outOfOrderCSeqWithSameCallIdIs500ButOtherCallIdIsFine() {
        List<Binding> one = accepted(reg(600, "c1", 10, contact("sip:a@h1", null, null)), List.of());
        assertEquals(500, rejected(reg(600, "c1", 9, contact("sip:a@h1", null, null)), one).status());
        assertEquals(500, rejected(reg(600, "c1", 10, contact("sip:a@h1", null, null)), one).status());
        assertEquals(11, accepted(reg(600, "c1", 11, contact("sip:a@h1", null, null)), one).get(0).cseq());
        List<Binding> other = accepted(reg(600, "c2", 1, contact("sip:a@h1", null, null)), one);
        assertEquals(1, other.size());
        assertEquals("c2", other.get(0).callId());
    }

    @Test
    void refreshReplacesTheBindingOfTheSameContact() {
        List<Binding> one = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, null)), List.of());
        List<Binding> out = accepted(reg(1200, "c1", 2, contact("sip:a@h1", null, 0.5f)), one);
        assertEquals(1, out.size());
        assertEquals(1200, secondsLeft(out.get(0)));
        assertEquals(0.5f, out.get(0).q());
    }

    @Test
    void instanceAndRegIdReplaceTheBindingEvenWhenTheContactChanges() {
        ContactRequest first = new ContactRequest("sip:a@203.0.113.5:1111", null, null, "<urn:uuid:abc>", 1);
        ContactRequest moved = new ContactRequest("sip:a@203.0.113.9:2222", null, null, "<urn:uuid:abc>", 1);
        ContactRequest otherFlow = new ContactRequest("sip:a@203.0.113.9:3333", null, null, "<urn:uuid:abc>", 2);
        List<Binding> one = accepted(reg(600, "c1", 1, first), List.of());
        List<Binding> out = accepted(reg(600, "c2", 1, moved), one);
        assertEquals(1, out.size());
        assertEquals("sip:a@203.0.113.9:2222", out.get(0).contact());
        assertEquals("<urn:uuid:abc>", out.get(0).instanceId());
        assertEquals(1, out.get(0).regId());
        assertEquals(2, accepted(reg(600, "c3", 1, otherFlow), out).size());
    }

    @Test
    void multipleContactsAccumulateAcrossRegisters() {
        List<Binding> one = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, null)), List.of());
        List<Binding> two = accepted(reg(600, "c2", 1, contact("sip:a@h2", null, null)), one);
        assertEquals(List.of("sip:a@h1", "sip:a@h2"), two.stream().map(Binding::contact).toList());
    }

    @Test
    void expiredBindingsAreDropped() {
        Binding old = new Binding(AOR, "sip:a@old", "", 0, 1f, NOW, "c0", 1, List.of(), FLOW, "");
        List<Binding> out = accepted(reg(600, "c1", 1, contact("sip:a@h1", null, null)), List.of(old));
        assertEquals(List.of("sip:a@h1"), out.stream().map(Binding::contact).toList());
    }

    @Test
    void maxContactsEvictsTheBindingsThatLapseFirst() {
        List<Binding> current = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            current.add(new Binding(AOR, "sip:a@old" + i, "", 0, 1f, NOW.plusSeconds(100 + i), "c0", 1, List.of(), FLOW, ""));
        }
        List<Binding> out = accepted(reg(600, "c1", 1, contact("sip:a@new", null, null)), current);
        assertEquals(3, out.size());
        List<String> contacts = out.stream().map(Binding::contact).toList();
        assertTrue(contacts.contains("sip:a@new"), contacts::toString);
        assertTrue(!contacts.contains("sip:a@old0"), contacts::toString);
    }

    @Test
    void maxContactsKeepsTheContactJustRegisteredEvenWithAShortExpires() {
        RegistrarPolicy one = new RegistrarPolicy(60, 3600, 600, 1);
        Binding old = new Binding(AOR, "sip:a@old", "", 0, 1f, NOW.plusSeconds(3500), "c0", 1, List.of(), FLOW, "");
        List<Binding> out = assertInstanceOf(RegistrarPolicy.Accepted.class,
                one.apply(reg(120, "c1", 1, contact("sip:a@new", null, null)), List.of(old), NOW)).bindings();
        assertEquals(List.of("sip:a@new"), out.stream().map(Binding::contact).toList());
    }
}

package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Decision.Type;
import org.switchboard.api.dialplan.Fallback;

class PlanTest {
    static final List<String> RULES = List.of(
            "*43 = application:echo",
            "8000-8999 = application:meetings",
            "*800 = application:ivr",
            "^\\+44(\\d+)$ = trunk:default",
            "100 = user:alice",
            "*78 = feature:dnd-on",
            "^\\*21\\*(\\+?\\d+)#$ = feature:forward-$1",
            "+1900... = reject:403",
            "^\\*9(\\d{4})$ = user:u$1",
            "7000 = user:nobody",
            "support = application:queue");
    private static final Fallback VOICEMAIL = new Fallback(Fallback.Condition.NO_ANSWER, 20, Fallback.Kind.APPLICATION,
            "voicemail");

    private final Users users = new Users("alice", "bob", "1001", "u1234", "5551234567");
    private final Map<String, List<Fallback>> fallbacks = Map.of("bob", List.of(VOICEMAIL));
    private final Plan plan = PlanParser.parse(new PlanSettings("44", "0", "00", "6", RULES));

    private Decision route(String dialled) {
        return plan.route(dialled, u -> users.find(u).isPresent(), u -> fallbacks.getOrDefault(u, List.of()));
    }

    private static void assertDecision(Decision d, Type type, String target, String number, int rule) {
        assertEquals(type, d.type(), d::toString);
        assertEquals(target, d.target(), d::toString);
        assertEquals(number, d.number(), d::toString);
        assertEquals(rule, d.matchedRule().map(r -> r.position()).orElse(0), d::toString);
    }

    @Test
    void exactServiceCodes() {
        assertDecision(route("*43"), Type.APPLICATION, "echo", "*43", 1);
        assertDecision(route("*800"), Type.APPLICATION, "ivr", "*800", 3);
        assertDecision(route("*78"), Type.FEATURE_CODE, "dnd-on", "*78", 6);
    }

    @Test
    void rangeIsInclusiveAndOfOneLength() {
        assertDecision(route("8000"), Type.APPLICATION, "meetings", "8000", 2);
        assertDecision(route("8123"), Type.APPLICATION, "meetings", "8123", 2);
        assertDecision(route("8999"), Type.APPLICATION, "meetings", "8999", 2);
        assertEquals(Type.REJECT, route("7999").type());
        assertEquals(Type.REJECT, route("9000").type());
        assertEquals(Type.REJECT, route("800").type());   // shorter
        assertEquals(Type.REJECT, route("80000").type()); // longer
        assertEquals(Type.REJECT, route("8*00").type());
    }

    @Test
    void regexMatchesTheNormalisedNumber() {
        Decision d = route("07700 900123");
        assertDecision(d, Type.TRUNK, "default", "+447700900123", 4);
        assertEquals("07700 900123", d.dialled());
        assertDecision(route("0044 20 7946 0000"), Type.TRUNK, "default", "+442079460000", 4);
    }

    @Test
    void regexGroupsFillTheTarget() {
        assertDecision(route("*21*07700900123#"), Type.FEATURE_CODE, "forward-07700900123", "*21*07700900123#", 7);
        assertDecision(route("*91234"), Type.USER, "u1234", "*91234", 9);
    }

    @Test
    void prefixNeedsSomethingAfterIt() {
        assertDecision(route("001 900 555 0100"), Type.REJECT, "403", "+19005550100", 8);
        assertEquals(403, route("+19005550100").status());
        assertEquals(Type.REJECT, route("+1900").type());
        assertNull(route("+1900").rule());
    }

    @Test
    void firstMatchWins() {
        Plan p = PlanParser.parse(new PlanSettings("44", "0", "00", "6",
                List.of("8100 = application:special", "8000-8999 = application:meetings", "8100 = application:never")));
        Decision d = p.route("8100", u -> false, u -> List.of());
        assertDecision(d, Type.APPLICATION, "special", "8100", 1);
        Decision other = p.route("8101", u -> false, u -> List.of());
        assertDecision(other, Type.APPLICATION, "meetings", "8101", 2);
    }

    @Test
    void userRuleCarriesTheUsersFallbacks() {
        assertDecision(route("100"), Type.USER, "alice", "100", 5);
        Decision bob = route("bob");
        assertDecision(bob, Type.USER, "bob", "bob", 0);
        assertEquals(List.of(VOICEMAIL), bob.fallbacks());
        assertEquals(List.of(), route("alice").fallbacks());
    }

    @Test
    void userRuleToAMissingUserIs404WithTheRule() {
        Decision d = route("7000");
        assertDecision(d, Type.REJECT, "404", "7000", 10);
        assertEquals(Type.USER, d.rule().type());
    }

    @Test
    void namesAreMatchedExactly() {
        assertDecision(route("support"), Type.APPLICATION, "queue", "support", 11);
        assertEquals(Type.REJECT, route("Support").type());
    }

    @Test
    void defaultIsALocalUserThen404() {
        assertDecision(route("1001"), Type.USER, "1001", "1001", 0);
        assertDecision(route("10-01"), Type.USER, "1001", "1001", 0);
        // a long numeric user name is found as dialled, although it normalises to +...
        assertDecision(route("5551234567"), Type.USER, "5551234567", "+5551234567", 0);
        Decision none = route("carol");
        assertDecision(none, Type.REJECT, "404", "carol", 0);
        assertEquals(404, none.status());
        assertEquals(List.of(), none.fallbacks());
    }

    @Test
    void nothingDialledIs484() {
        assertEquals(484, route("").status());
        assertEquals(484, route("   ").status());
        assertEquals(484, route(null).status());
        assertEquals(484, route("sip:@example.com").status());
    }

    @Test
    void uriAndEscapesAreReducedToTheUserPart() {
        assertDecision(route("sip:*43@example.com"), Type.APPLICATION, "echo", "*43", 1);
        assertDecision(route("sips:bob@example.com;transport=tls"), Type.USER, "bob", "bob", 0);
        assertDecision(route("tel:+44-7700-900123;phone-context=example.com"), Type.TRUNK, "default", "+447700900123", 4);
        assertDecision(route("*21*07700900123%23"), Type.FEATURE_CODE, "forward-07700900123", "*21*07700900123#", 7);
        assertEquals("+447700900123", Plan.userPart("+447700900123"));
        assertEquals("100%", Plan.userPart("100%"));
    }

    @Test
    void noRulesLeavesUsersAnd404() {
        Plan empty = PlanParser.parse(new PlanSettings("", "0", "00", "6", List.of("")));
        assertEquals(List.of(), empty.rules());
        assertEquals(Type.USER, empty.route("bob", "bob"::equals, u -> List.of()).type());
        assertEquals(Type.REJECT, empty.route("*43", "bob"::equals, u -> List.of()).type());
    }
}

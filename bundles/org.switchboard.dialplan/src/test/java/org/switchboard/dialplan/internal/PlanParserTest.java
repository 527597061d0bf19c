package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision.Type;
import org.switchboard.api.dialplan.Rule;

class PlanParserTest {

    private static List<String> problems(PlanSettings s) {
        return assertThrows(ConfigException.class, () -> PlanParser.parse(s)).problems();
    }

    private static List<String> ruleProblems(String... rules) {
        return problems(new PlanSettings("44", "0", "00", "6", List.of(rules)));
    }

    private static void assertOne(List<String> problems, String... fragments) {
        assertEquals(1, problems.size(), problems::toString);
        for (String f : fragments) {
            assertTrue(problems.get(0).contains(f), () -> "'" + f + "' missing from: " + problems.get(0));
        }
    }

    @Test
    void rulesKeepTheirOrderTextAndKind() {
        Plan p = PlanParser.parse(new PlanSettings("+44", "0", "00", "6", PlanTest.RULES));
        List<Rule> rules = p.rules();
        assertEquals(PlanTest.RULES.size(), rules.size());
        assertEquals(new Rule(1, "*43", Type.APPLICATION, "echo"), rules.get(0));
        assertEquals(new Rule(4, "^\\+44(\\d+)$", Type.TRUNK, "default"), rules.get(3));
        assertEquals(new Rule(8, "+1900...", Type.REJECT, "403"), rules.get(7));
        assertEquals("8000-8999 = application:meetings", rules.get(1).toString());
        assertEquals("+44", "+" + p.normaliser().countryCode()); // a leading + on the country code is accepted
    }

    @Test
    void oneValueMayHoldSeveralRulesSeparatedByCommas() {
        List<String> entries = PlanParser.entries(List.of(
                "*43 = application:echo, 8000-8999 = application:meetings,, ^[0-9]{3,4}$ = user:x, ^a\\,b$ = user:y",
                " *800 = application:ivr "));
        assertEquals(List.of("*43 = application:echo", "8000-8999 = application:meetings", "^[0-9]{3,4}$ = user:x",
                "^a\\,b$ = user:y", "*800 = application:ivr"), entries);
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsEntry() {
        List<String> p = ruleProblems("*43 = application:echo", "*44 application:x", "9000 = app:meetings",
                "8999-8000 = application:meetings");
        assertEquals(3, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("rules, entry 2 '*44 application:x': no '='"), p.get(0));
        assertTrue(p.get(1).startsWith("rules, entry 3 '9000 = app:meetings': the target 'app:meetings' has no known kind"),
                p.get(1));
        assertTrue(p.get(1).contains("Fix: start it with user:, application:, feature:, trunk: or reject:"), p.get(1));
        assertTrue(p.get(2).contains("starts above its end. Fix: 8000-8999"), p.get(2));
    }

    @Test
    void badPatterns() {
        assertOne(ruleProblems("800-8999 = application:meetings"), "different lengths", "Fix:");
        assertOne(ruleProblems("^+44(d+)$ = trunk:default"), "a backslash was probably lost", "[+]", "[0-9]");
        assertOne(ruleProblems("^[0-9]{3,$ = trunk:default"), "not a regular expression", "write a backslash twice");
        assertOne(ruleProblems("... = trunk:x"), "needs a prefix before '...'");
        assertOne(ruleProblems("07700 900123 = trunk:x"), "has a space in it");
        assertOne(ruleProblems(" = application:echo"), "the pattern is empty");
    }

    @Test
    void patternsTheNormaliserRewritesCanNeverMatch() {
        assertOne(ruleProblems("07700900123 = user:bob"), "normalised to '+447700900123'", "never matches",
                "Fix: write the normalised form");
        assertOne(ruleProblems("1000000-1999999 = application:meetings"), "'1000000' are normalised to '+1000000'",
                "raise extension.max.digits");
    }

    @Test
    void badTargets() {
        assertOne(ruleProblems("*43 = application:"), "'' is not a application name");
        assertOne(ruleProblems("*43 = application:echo test"), "'echo test' is not a application name");
        assertOne(ruleProblems("*43 = reject:200"), "'200' is not a SIP status", "reject:404");
        assertOne(ruleProblems("*43 = reject:busy"), "not a SIP status");
        assertOne(ruleProblems("*43 = user:-bob"), "not a user name", "user:alice");
        assertOne(ruleProblems("*43 = echo"), "has no known kind");
        assertOne(ruleProblems("^\\*9(\\d+)$ = user:$2"), "refers to $2 but the pattern has 1 group(s)");
        assertOne(ruleProblems("*9 = user:$1"), "refers to $1 but the pattern has 0 group(s)");
    }

    @Test
    void badNormalisationSettings() {
        List<String> p = problems(new PlanSettings("44x", "o", "00000", "many", List.of()));
        assertEquals(4, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("country.code = '44x' is not a country calling code. Fix:"), p.get(0));
        assertTrue(p.get(1).startsWith("national.prefix = 'o' is not a dialling prefix. Fix:"), p.get(1));
        assertTrue(p.get(2).startsWith("international.prefix = '00000'"), p.get(2));
        assertTrue(p.get(3).startsWith("extension.max.digits = 'many' is not a length. Fix: 0-15"), p.get(3));
        assertOne(problems(new PlanSettings("44", "0", "0", "6", List.of())), "both '0'", "Fix: make them differ");
        assertOne(problems(new PlanSettings("0", "0", "00", "6", List.of())), "country.code = '0'");
        assertOne(problems(new PlanSettings("44", "0", "00", "16", List.of())), "extension.max.digits = '16'");
    }

    @Test
    void theMessageNamesTheFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PlanParser.parse(new PlanSettings("44", "0", "00", "6", List.of("*43"))));
        assertTrue(e.getMessage().startsWith("etc/org.switchboard.dialplan.cfg: rules, entry 1 '*43': no '='"),
                e.getMessage());
    }
}

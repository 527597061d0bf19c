package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision.Type;
import org.switchboard.api.dialplan.Fallback;

class ConfiguredDialPlanTest {
    private final Users users = new Users("alice", "bob");

    static ConfiguredDialPlan.Config config(String countryCode, String... rules) {
        return new ConfiguredDialPlan.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ConfiguredDialPlan.Config.class;
            }

            @Override
            public String country_code() {
                return countryCode;
            }

            @Override
            public String national_prefix() {
                return "0";
            }

            @Override
            public String international_prefix() {
                return "00";
            }

            @Override
            public String extension_max_digits() {
                return "6";
            }

            @Override
            public String[] rules() {
                return rules;
            }
        };
    }

    /** The defaults of the Config annotation, read from the annotation itself. */
    static ConfiguredDialPlan.Config defaults() throws Exception {
        String[] rules = (String[]) ConfiguredDialPlan.Config.class.getDeclaredMethod("rules").getDefaultValue();
        String cc = (String) ConfiguredDialPlan.Config.class.getDeclaredMethod("country_code").getDefaultValue();
        return config(cc, rules);
    }

    @Test
    void defaultRulesServeEchoMeetingsAndIvr() throws Exception {
        ConfiguredDialPlan plan = new ConfiguredDialPlan(users, defaults());
        assertEquals("echo", plan.route("alice", "*43").target());
        assertEquals("meetings", plan.route("alice", "8042").target());
        assertEquals("8042", plan.route("alice", "8042").number());
        assertEquals("ivr", plan.route("alice", "*800").target());
        assertEquals(Type.USER, plan.route("alice", "bob").type());
        assertEquals(404, plan.route("alice", "carol").status());
        // no country code by default: a national number is left as dialled
        assertEquals("07700900123", plan.normalise("07700 900123"));
    }

    @Test
    void aBadPlanDoesNotStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfiguredDialPlan(users, config("44", "*43 = application:echo", "*44 = nothing")));
        assertEquals(1, e.problems().size());
    }

    @Test
    void aBadChangeKeepsTheLastGoodPlan() {
        ConfiguredDialPlan plan = new ConfiguredDialPlan(users, config("44", "*43 = application:echo"));
        plan.modified(config("44", "*43 = application:echo2", "8000-899 = application:meetings"));
        assertEquals("echo", plan.route("bob", "*43").target());
        assertEquals(1, plan.rules().size());
        plan.modified(config("44", "*43 = application:echo2"));
        assertEquals("echo2", plan.route("bob", "*43").target());
        assertEquals("+447700900123", plan.normalise("07700 900123"));
    }

    @Test
    void fallbacksComeAndGoWithTheirConfigurations() {
        ConfiguredDialPlan plan = new ConfiguredDialPlan(users, config("44"));
        UserFallbacks bob = FallbackTest.fallbacks("bob", "application:voicemail");
        plan.addFallbacks(bob);
        Fallback busy = new Fallback(Fallback.Condition.BUSY, 0, Fallback.Kind.APPLICATION, "voicemail");
        assertEquals(List.of(busy), plan.route("alice", "bob").fallbacks());
        assertEquals(List.of(busy), plan.fallbacks("bob"));
        assertEquals(Map.of("bob", List.of(busy)), plan.fallbackSets());
        assertEquals(List.of(), plan.route("bob", "alice").fallbacks());
        plan.removeFallbacks(bob);
        assertEquals(List.of(), plan.route("alice", "bob").fallbacks());
    }
}

package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.switchboard.api.dialplan.Decision.Type;

/** The cfg file the assembly ships, read the way Karaf reads it, gives the same plan as the built-in defaults. */
class ShippedConfigTest {
    private static final Path CFG = Path.of("../../karaf-assembly/src/main/resources/assembly/etc/org.switchboard.dialplan.cfg");

    private static TypedProperties load(String text) throws Exception {
        TypedProperties p = new TypedProperties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        }
        return p;
    }

    private static PlanSettings settings(TypedProperties p) {
        return new PlanSettings((String) p.get("country.code"), (String) p.get("national.prefix"),
                (String) p.get("international.prefix"), (String) p.get("extension.max.digits"),
                List.of((String) p.get("rules")));
    }

    @Test
    void shippedFileMatchesTheDefaults() throws Exception {
        Plan shipped = PlanParser.parse(settings(load(Files.readString(CFG))));
        ConfiguredDialPlan.Config defaults = ConfiguredDialPlanTest.defaults();
        Plan builtIn = PlanParser.parse(new PlanSettings(defaults.country_code(), "0", "00", "6",
                Arrays.asList(defaults.rules())));
        assertEquals(builtIn.rules(), shipped.rules());
        assertEquals(builtIn.normaliser(), shipped.normaliser());
        assertEquals(3, shipped.rules().size());
        assertEquals(Type.APPLICATION, shipped.route("8500", u -> false, u -> List.of()).type());
    }

    @Test
    void theCommentedExamplesWorkWhenUncommented() throws Exception {
        String text = Files.readString(CFG);
        int from = text.indexOf("# More examples:");
        StringBuilder rules = new StringBuilder("rules = *43 = application:echo");
        for (String line : text.substring(from).split("\n")) {
            if (line.startsWith("#   ") && line.contains(" = ") && !line.contains("etc/")) {
                String rule = line.substring(1).strip().split(",? {2,}")[0];
                rules.append(", ").append(rule.endsWith(",") ? rule.substring(0, rule.length() - 1) : rule);
            } else if (line.startsWith("# ---")) {
                break;
            }
        }
        TypedProperties p = load("country.code = 44\nnational.prefix = 0\ninternational.prefix = 00\n"
                + "extension.max.digits = 6\n" + rules);
        Plan plan = PlanParser.parse(settings(p));
        assertEquals(6, plan.rules().size(), plan.rules()::toString);
        assertEquals("trunk default", describe(plan, "07700 900123"));
        assertEquals("user 1234", describe(plan, "*91234"));
        assertEquals("reject 403", describe(plan, "001 900 555 0100"));
    }

    @Test
    void singleBackslashesInACfgFileAreCaught() throws Exception {
        TypedProperties p = load("rules = ^\\+44(\\d+)$ = trunk:default\n");
        assertEquals("^+44(d+)$ = trunk:default", p.get("rules"));
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> PlanParser.parse(new PlanSettings("44", "0", "00", "6", List.of((String) p.get("rules")))));
        assertTrue(e.getMessage().contains("a backslash was probably lost"), e.getMessage());
        TypedProperties doubled = load("rules = ^\\\\+44(\\\\d+)$ = trunk:default\n");
        Plan plan = PlanParser.parse(new PlanSettings("44", "0", "00", "6", List.of((String) doubled.get("rules"))));
        assertEquals("trunk default", describe(plan, "+447700900123"));
    }

    private static String describe(Plan plan, String dialled) {
        var d = plan.route(dialled, "1234"::equals, u -> List.of());
        return d.type().keyword() + " " + d.target();
    }
}

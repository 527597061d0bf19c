package org.switchboard.dialplan.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Rule;
import org.switchboard.api.directory.UserDirectory;

/**
 * The dial plan of PID {@code org.switchboard.dialplan}, with the per-user fallbacks of
 * {@code org.switchboard.dialplan.fallback}.
 *
 * <p>Bad configuration: at start the component does not come up (every problem is logged
 * with its key and fix), because routing with half the rules sends calls to the wrong place.
 * A later change that breaks the plan is refused the same way, and the last good plan stays
 * in force, so a typo made while calls run does not take routing down.
 */
@Component(service = {DialPlan.class, ConfiguredDialPlan.class}, configurationPid = ConfiguredDialPlan.PID)
@Designate(ocd = ConfiguredDialPlan.Config.class)
public class ConfiguredDialPlan implements DialPlan {
    static final String PID = "org.switchboard.dialplan";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDialPlan.class);

    @ObjectClassDefinition(name = "Switchboard dial plan",
            description = "Number normalisation and the rules that map a dialled number to a destination")
    @interface Config {
        @AttributeDefinition(description = "Country calling code without +, e.g. 44; empty leaves national numbers as dialled",
                required = false)
        String country_code() default "";

        @AttributeDefinition(description = "Prefix of national numbers, replaced by +<country code>", required = false)
        String national_prefix() default "0";

        @AttributeDefinition(description = "Prefix that dials abroad, replaced by +", required = false)
        String international_prefix() default "00";

        @AttributeDefinition(description = "Numbers with at most this many digits are extensions, not normalised")
        String extension_max_digits() default "6";

        @AttributeDefinition(description = "Rules in order, 'pattern = kind:target'; see the README for the syntax",
                required = false)
        String[] rules() default {"*43 = application:echo", "8000-8999 = application:meetings", "*800 = application:ivr"};
    }

    private final UserDirectory directory;
    private final FallbackTable fallbacks = new FallbackTable();
    private volatile Plan plan;

    @Activate
    public ConfiguredDialPlan(@Reference UserDirectory directory, Config config) {
        this.directory = directory;
        this.plan = parse(config, "does not start");
        LOG.info("Dial plan ready: {} rule(s)", plan.rules().size());
    }

    @Modified
    void modified(Config config) {
        try {
            plan = parse(config, "keeps the last good plan");
            LOG.info("Dial plan updated: {} rule(s)", plan.rules().size());
        } catch (ConfigException e) {
            // already logged; routing goes on with the previous plan
        }
    }

    private static Plan parse(Config c, String consequence) {
        try {
            return PlanParser.parse(settings(c));
        } catch (ConfigException e) {
            e.problems().forEach(p -> LOG.error("{}: {} (the dial plan {} until this is fixed)", PlanParser.SOURCE, p,
                    consequence));
            throw e;
        }
    }

    static PlanSettings settings(Config c) {
        return new PlanSettings(Objects.toString(c.country_code(), ""), Objects.toString(c.national_prefix(), ""),
                Objects.toString(c.international_prefix(), ""), Objects.toString(c.extension_max_digits(), ""),
                c.rules() == null ? List.of() : Arrays.asList(c.rules()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFallbacks(UserFallbacks f) {
        fallbacks.add(f);
    }

    void removeFallbacks(UserFallbacks f) {
        fallbacks.remove(f);
    }

    @Override
    public Decision route(String from, String dialled) {
        return plan.route(dialled, u -> directory.find(u).isPresent(), fallbacks::forUser);
    }

    @Override
    public String normalise(String dialled) {
        return plan.normaliser().normalise(Plan.userPart(dialled == null ? "" : dialled.strip()));
    }

    @Override
    public List<Rule> rules() {
        return plan.rules();
    }

    @Override
    public List<Fallback> fallbacks(String user) {
        return fallbacks.forUser(user);
    }

    /** @return the normalisation settings, one per line, for {@code dialplan:show} */
    public String normalisation() {
        return plan.normaliser().describe();
    }

    /** @return every fallback set, for {@code dialplan:show} */
    public Map<String, List<Fallback>> fallbackSets() {
        Map<String, List<Fallback>> out = new java.util.LinkedHashMap<>();
        fallbacks.all().forEach(s -> out.putIfAbsent(s.user(), s.fallbacks()));
        return out;
    }
}

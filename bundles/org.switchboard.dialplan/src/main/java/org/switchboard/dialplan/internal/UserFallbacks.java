package org.switchboard.dialplan.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One factory configuration of {@code org.switchboard.dialplan.fallback}: the fallbacks of one
 * user. A bad configuration is logged with its key and fix and does not start, so that user
 * keeps the default fallbacks (if any) instead of half of theirs.
 */
@Component(service = UserFallbacks.class, configurationPid = UserFallbacks.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UserFallbacks.Config.class, factory = true)
public class UserFallbacks {
    static final String PID = "org.switchboard.dialplan.fallback";
    private static final Logger LOG = LoggerFactory.getLogger(UserFallbacks.class);

    @ObjectClassDefinition(name = "Switchboard dial plan: user fallback",
            description = "Where calls to a user go when they are not answered, busy or rejected")
    @interface Config {
        @AttributeDefinition(description = "The user these fallbacks belong to; * for every user without their own")
        String user();

        @AttributeDefinition(description = "Seconds the user's devices ring before the no-answer fallback")
        String no_answer_seconds() default "20";

        @AttributeDefinition(description = "No answer: application:<name> or a number; empty for none", required = false)
        String no_answer() default "";

        @AttributeDefinition(description = "Busy: application:<name> or a number; empty for none", required = false)
        String busy() default "";

        @AttributeDefinition(description = "Rejected or unreachable: application:<name> or a number; empty for none",
                required = false)
        String reject() default "";
    }

    private final FallbackSet set;
    private final String pid;

    @Activate
    public UserFallbacks(Config config, Map<String, Object> properties) {
        this.pid = String.valueOf(properties.getOrDefault("service.pid", PID));
        try {
            this.set = FallbackSet.parse("etc/" + pid + ".cfg", config.user(), config.no_answer_seconds(),
                    config.no_answer(), config.busy(), config.reject());
        } catch (ConfigException e) {
            e.problems().forEach(p -> LOG.error("{}: {} (these fallbacks are not used until this is fixed)", pid, p));
            throw e;
        }
    }

    FallbackSet set() {
        return set;
    }

    String pid() {
        return pid;
    }
}

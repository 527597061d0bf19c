package org.switchboard.ivr.internal;

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
 * One factory configuration of {@code org.switchboard.ivr.menu}: one menu. A bad one is logged
 * with its key and fix and does not start, so callers never meet half a menu.
 */
@Component(service = MenuConfiguration.class, configurationPid = MenuConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MenuConfiguration.Config.class, factory = true)
public class MenuConfiguration {
    static final String PID = "org.switchboard.ivr.menu";
    private static final Logger LOG = LoggerFactory.getLogger(MenuConfiguration.class);

    @ObjectClassDefinition(name = "Switchboard IVR menu",
            description = "A voice menu: prompts, and what each digit does (digit.<d> = user:<name> | number:<n> | "
                    + "application:<name>[:<arg>] | menu:<name> | dial | repeat | hangup)")
    @interface Config {
        @AttributeDefinition(description = "The menu's name; callers enter the one named main")
        String name();

        @AttributeDefinition(description = "Prompt names played once on entering the menu, comma-separated",
                required = false)
        String greeting() default "";

        @AttributeDefinition(description = "Prompt names that offer the choices, comma-separated")
        String prompt();

        @AttributeDefinition(description = "Seconds to wait for a digit after the prompt")
        String timeout_seconds() default "5";

        @AttributeDefinition(description = "Times the prompt is offered before goodbye")
        String max_attempts() default "3";

        @AttributeDefinition(description = "Prompt names played after an invalid digit", required = false)
        String invalid_prompt() default "invalid-choice";
    }

    private final Menu menu;

    @Activate
    public MenuConfiguration(Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", PID));
        try {
            this.menu = Menu.parse(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("etc/{}.cfg: {} (this menu is not used until this is fixed)", pid, e.getMessage());
            throw e;
        }
        LOG.info("IVR menu '{}' ready: digits {}", menu.name(), menu.digits().keySet());
    }

    Menu menu() {
        return menu;
    }
}

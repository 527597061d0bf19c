package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.prompts.Prompts;

/**
 * {@code application:ivr}: callers enter the menu named by {@code menu} (default {@code main})
 * of the {@code org.switchboard.ivr.menu} configurations, or the built-in main menu when none
 * is configured under that name.
 */
@Component(property = CallApplication.NAME + "=" + IvrApplication.NAME, configurationPid = IvrApplication.PID)
@Designate(ocd = IvrApplication.Config.class)
public class IvrApplication implements CallApplication {
    static final String NAME = "ivr";
    static final String PID = "org.switchboard.ivr";
    private static final Logger LOG = LoggerFactory.getLogger(IvrApplication.class);

    @ObjectClassDefinition(name = "Switchboard IVR", description = "Where callers enter the menus, and dialling limits")
    @interface Config {
        @AttributeDefinition(description = "The menu callers enter")
        String menu() default "main";

        @AttributeDefinition(description = "Seconds a number dialled from the menu rings")
        int connect_timeout_seconds() default 60;

        @AttributeDefinition(description = "Seconds to wait for each next digit of a dialled number")
        int inter_digit_timeout_seconds() default 5;

        @AttributeDefinition(description = "Most digits of a dialled number")
        int max_number_digits() default 20;
    }

    private final Prompts prompts;
    private volatile Config config;
    private final List<MenuConfiguration> menus = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    @Activate
    public IvrApplication(@Reference Prompts prompts, Config config) {
        this.prompts = prompts;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        // Menu steps are short (start the next media operation): two threads serve every caller.
        // Idle threads end by themselves, so that callers still in a menu when the component goes
        // away (feature:uninstall, a configuration change) finish their menu on this instance.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ivr-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    /** Played while a dialled target rings, when the music on hold feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MusicOnHold music;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMenu(MenuConfiguration menu) {
        menus.add(menu);
    }

    void removeMenu(MenuConfiguration menu) {
        menus.remove(menu);
    }

    @Override
    public void handle(ApplicationCall call) {
        LOG.info("IVR: {} from {}", call.id(), call.caller());
        IvrSession.Settings settings = new IvrSession.Settings(Duration.ofSeconds(config.connect_timeout_seconds()),
                Duration.ofSeconds(config.inter_digit_timeout_seconds()), config.max_number_digits());
        executor.execute(() -> new IvrSession(call, this::menu, prompts, () -> Optional.ofNullable(music), executor,
                settings).start(config.menu()));
    }

    Optional<Menu> menu(String name) {
        Optional<Menu> configured = menus.stream().map(MenuConfiguration::menu).filter(m -> m.name().equals(name))
                .findFirst();
        return configured.isPresent() || !name.equals(Menu.DEFAULT.name()) ? configured : Optional.of(Menu.DEFAULT);
    }
}

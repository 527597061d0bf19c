package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;

/**
 * One caller going through the menus. Each step starts a media operation and continues on the
 * application's executor when it ends, so no thread waits for the caller.
 */
final class IvrSession {
    private static final Logger LOG = LoggerFactory.getLogger(IvrSession.class);

    /** Settings that are the same for every menu. */
    record Settings(Duration connectTimeout, Duration interDigitTimeout, int maxNumberDigits) {
    }

    private final ApplicationCall call;
    private final Function<String, Optional<Menu>> menus;
    private final Prompts prompts;
    private final Supplier<Optional<MusicOnHold>> music;
    private final Executor executor;
    private final Settings settings;
    private int attempts;

    IvrSession(ApplicationCall call, Function<String, Optional<Menu>> menus, Prompts prompts, Executor executor,
            Settings settings) {
        this(call, menus, prompts, Optional::empty, executor, settings);
    }

    /** @param music the music on hold service, when installed (played while a target rings) */
    IvrSession(ApplicationCall call, Function<String, Optional<Menu>> menus, Prompts prompts,
            Supplier<Optional<MusicOnHold>> music, Executor executor, Settings settings) {
        this.call = call;
        this.music = music;
        this.menus = menus;
        this.prompts = prompts;
        this.executor = executor;
        this.settings = settings;
    }

    void start(String menuName) {
        Optional<Menu> menu = menus.apply(menuName);
        if (menu.isEmpty()) {
            LOG.error("IVR: no menu '{}' for {}; configure etc/org.switchboard.ivr.menu-{}.cfg", menuName, call.id(),
                    menuName);
            goodbye();
            return;
        }
        enter(menu.get());
    }

    private void enter(Menu menu) {
        attempts = 0;
        if (menu.greeting().isEmpty()) {
            offer(menu);
        } else {
            then(play(menu.greeting(), true), r -> offer(menu));
        }
    }

    private void offer(Menu menu) {
        attempts++;
        then(play(menu.prompt(), true), r -> then(call.leg().collectDigits(
                new DigitOptions(1, menu.timeout(), menu.timeout(), "")).result(), d -> choose(menu, d)));
    }

    private void choose(Menu menu, DigitResult d) {
        if (d.end() == DigitResult.End.LEG_ENDED || d.end() == DigitResult.End.STOPPED) {
            return;
        }
        Action action = d.digits().isEmpty() ? null : menu.digits().get(d.digits().charAt(0));
        if (action == null) {
            retry(menu, d.digits().isEmpty() ? List.of() : menu.invalidPrompt());
        } else {
            LOG.debug("IVR: {} pressed {} in menu {}: {}", call.id(), d.digits(), menu.name(), action);
            act(menu, action);
        }
    }

    private void retry(Menu menu, List<String> before) {
        if (attempts >= menu.maxAttempts()) {
            if (before.isEmpty()) {
                goodbye();
            } else {
                then(play(before, false), r -> goodbye());
            }
        } else if (before.isEmpty()) {
            offer(menu);
        } else {
            then(play(before, true), r -> offer(menu));
        }
    }

    private void act(Menu menu, Action action) {
        if (action instanceof Action.Connect c) {
            connect(menu, c.target());
        } else if (action instanceof Action.HandOver h) {
            if (!call.handOver(h.application(), h.argument())) {
                LOG.warn("IVR: application '{}' is not installed (menu {}); the caller stays in the menu",
                        h.application(), menu.name());
                then(play(List.of("not-available"), true), r -> reoffer(menu));
            }
        } else if (action instanceof Action.Dial) {
            then(play(List.of("enter-number"), true), r -> then(call.leg().collectDigits(
                    new DigitOptions(settings.maxNumberDigits(), menu.timeout(), settings.interDigitTimeout(), "#"))
                    .result(), n -> dialled(menu, n)));
        } else if (action instanceof Action.Submenu s) {
            Optional<Menu> sub = menus.apply(s.name());
            if (sub.isPresent()) {
                enter(sub.get());
            } else {
                LOG.error("IVR: menu '{}' goes to menu '{}', which is not configured", menu.name(), s.name());
                retry(menu, menu.invalidPrompt());
            }
        } else if (action instanceof Action.Repeat) {
            reoffer(menu);
        } else {
            goodbye();
        }
    }

    private void dialled(Menu menu, DigitResult n) {
        if (n.end() == DigitResult.End.LEG_ENDED || n.end() == DigitResult.End.STOPPED) {
            return;
        }
        if (n.digits().isEmpty()) {
            retry(menu, menu.invalidPrompt());
        } else {
            connect(menu, n.digits());
        }
    }

    private void connect(Menu menu, String target) {
        LOG.info("IVR: connecting {} to {}", call.id(), target);
        Waiting waiting = new Waiting();
        MediaOperation<PlayResult> please = call.leg().play(say(List.of("please-hold")), false);
        waiting.replace(() -> please);
        CompletionStage<Integer> outcome = call.connect(target, settings.connectTimeout());
        please.result().thenRun(() -> music.get().ifPresent(m -> waiting.replace(() -> m.play(call.leg()))));
        then(outcome, status -> {
            // the host bridges on answer; what we play would cover the callee's audio
            waiting.stop();
            if (status != 200) {
                LOG.info("IVR: {} could not reach {} (status {})", call.id(), target, status);
                then(play(List.of("not-available"), true), r -> reoffer(menu));
            }
        });
    }

    /**
     * What the caller hears while the target rings ("please hold", then music on hold when it
     * is installed). Once the outcome is known nothing new may start, whichever thread asks.
     */
    private static final class Waiting {
        private MediaOperation<?> op;
        private boolean done;

        synchronized void replace(Supplier<MediaOperation<?>> next) {
            if (!done) {
                op = next.get();
            }
        }

        synchronized void stop() {
            done = true;
            if (op != null) {
                op.stop();
            }
        }
    }

    /** Back to a menu after an action that did not leave it: the attempts start again. */
    private void reoffer(Menu menu) {
        attempts = 0;
        offer(menu);
    }

    private void goodbye() {
        then(play(List.of("goodbye"), false), r -> call.hangup());
    }

    private CompletionStage<PlayResult> play(List<String> names, boolean bargeIn) {
        return call.leg().play(say(names), bargeIn).result();
    }

    private List<AudioRef> say(List<String> names) {
        return names.stream().map(n -> prompts.find(IvrApplication.NAME, n)).flatMap(Optional::stream).toList();
    }

    /**
     * Continues with {@code next} on the executor unless the call has ended; an I/O error of the
     * engine (an unreadable prompt) ends the call, since the menu cannot go on without its prompts.
     */
    private <T> void then(CompletionStage<T> stage, Consumer<T> next) {
        stage.whenCompleteAsync((v, e) -> {
            if (call.ended().toCompletableFuture().isDone()) {
                return;
            }
            if (e != null) {
                LOG.error("IVR: {} failed in the media engine: {}; hanging up", call.id(), e.toString());
                call.hangup();
                return;
            }
            if (v instanceof PlayResult p && p.end() == PlayResult.End.LEG_ENDED) {
                return;
            }
            next.accept(v);
        }, executor);
    }
}

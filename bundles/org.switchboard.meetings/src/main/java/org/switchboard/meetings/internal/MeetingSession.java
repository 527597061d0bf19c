package org.switchboard.meetings.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;
import org.switchboard.api.media.PlayResult;

/**
 * One caller on the way into a room: the room number (when the dial plan did not give one),
 * the PIN (when the room has one), then the room. Each step continues on the application's
 * executor when its media operation ends.
 */
final class MeetingSession {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(MeetingSession.class);
    private static final DigitOptions NUMBER = new DigitOptions(12, Duration.ofSeconds(8), Duration.ofSeconds(5), "#");

    private final ApplicationCall call;
    private final RoomDirectory directory;
    private final Rooms rooms;
    private final Prompts prompts;
    private final Executor executor;

    MeetingSession(ApplicationCall call, RoomDirectory directory, Rooms rooms, Prompts prompts, Executor executor) {
        this.call = call;
        this.directory = directory;
        this.rooms = rooms;
        this.prompts = prompts;
        this.executor = executor;
    }

    void start() {
        String number = call.argument() == null ? "" : call.argument().strip();
        if (number.isEmpty()) {
            askNumber(1);
            return;
        }
        Optional<RoomSettings> room = directory.find(number);
        if (room.isPresent()) {
            checkPin(room.get(), 1);
        } else {
            LOG.info("Meetings: {} dialled {}, which is not a room", call.id(), number);
            goodbye(List.of("invalid-choice"));
        }
    }

    private void askNumber(int attempt) {
        then(play(List.of("enter-room-number")), r -> then(collect(), d -> {
            Optional<RoomSettings> room = d.digits().isEmpty() ? Optional.empty() : directory.find(d.digits());
            if (room.isPresent()) {
                checkPin(room.get(), 1);
            } else if (attempt < ATTEMPTS) {
                then(play(d.digits().isEmpty() ? List.of() : List.of("invalid-choice")), x -> askNumber(attempt + 1));
            } else {
                goodbye(d.digits().isEmpty() ? List.of() : List.of("invalid-choice"));
            }
        }));
    }

    private void checkPin(RoomSettings room, int attempt) {
        if (room.pin().isEmpty()) {
            join(room);
            return;
        }
        then(play(List.of("enter-pin")), r -> then(collect(), d -> {
            if (d.digits().equals(room.pin())) {
                join(room);
            } else if (attempt < ATTEMPTS) {
                LOG.info("Meetings: {} entered a wrong PIN for room {} (attempt {})", call.id(), room.number(), attempt);
                then(play(List.of("wrong-pin")), x -> checkPin(room, attempt + 1));
            } else {
                LOG.warn("Meetings: {} entered a wrong PIN for room {} {} times; hanging up", call.caller(),
                        room.number(), ATTEMPTS);
                goodbye(List.of("wrong-pin"));
            }
        }));
    }

    private void join(RoomSettings settings) {
        Rooms.Joined joined;
        try {
            joined = rooms.join(settings, call);
        } catch (RuntimeException e) {
            goodbye(List.of("not-available"));
            return;
        }
        if (joined.full()) {
            goodbye(List.of("room-full"));
            return;
        }
        Participant p = joined.participant();
        call.ended().whenComplete((v, e) -> rooms.leave(settings.number(), p));
        List<String> say = new ArrayList<>(List.of("joined-meeting"));
        if (joined.first()) {
            say.add("first-participant");
        }
        if (p.muted()) {
            say.add("muted");
        }
        call.leg().play(say(say), false);
    }

    private void goodbye(List<String> before) {
        List<String> say = new ArrayList<>(before);
        say.add("goodbye");
        then(play(say), r -> call.hangup());
    }

    private CompletionStage<DigitResult> collect() {
        return call.leg().collectDigits(NUMBER).result();
    }

    private CompletionStage<PlayResult> play(List<String> names) {
        return call.leg().play(say(names), true).result();
    }

    private List<AudioRef> say(List<String> names) {
        return names.stream().map(n -> prompts.find(MeetingsApplication.NAME, n)).flatMap(Optional::stream).toList();
    }

    private <T> void then(CompletionStage<T> stage, Consumer<T> next) {
        stage.whenCompleteAsync((v, e) -> {
            if (call.ended().toCompletableFuture().isDone()) {
                return;
            }
            if (e != null) {
                LOG.error("Meetings: {} failed in the media engine: {}; hanging up", call.id(), e.toString());
                call.hangup();
                return;
            }
            if (v instanceof PlayResult p && p.end() == PlayResult.End.LEG_ENDED
                    || v instanceof DigitResult d && (d.end() == DigitResult.End.LEG_ENDED
                            || d.end() == DigitResult.End.STOPPED)) {
                return;
            }
            next.accept(v);
        }, executor);
    }
}

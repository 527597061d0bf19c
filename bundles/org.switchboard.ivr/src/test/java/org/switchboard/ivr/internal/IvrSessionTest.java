package org.switchboard.ivr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.testing.FakeCall;
import org.switchboard.testing.FakeOp;
import org.switchboard.testing.FakePrompts;

class IvrSessionTest {
    private static final IvrSession.Settings SETTINGS = new IvrSession.Settings(Duration.ofSeconds(60),
            Duration.ofSeconds(5), 20);
    private static final Menu SALES = Menu.parse(Map.of("name", "sales", "prompt", "sales", "max.attempts", "2",
            "digit.1", "user:bob", "digit.2", "menu:support", "digit.3", "repeat", "digit.0", "hangup",
            "digit.9", "menu:nowhere"));
    private static final Menu SUPPORT = Menu.parse(Map.of("name", "support", "greeting", "support-hello",
            "prompt", "support", "digit.1", "application:voicemail:support"));

    private final FakeCall call = new FakeCall("alice", "*800");

    private void run(String menu) {
        new IvrSession(call, this::menu, new FakePrompts(), Runnable::run, SETTINGS).start(menu);
    }

    private Optional<Menu> menu(String name) {
        return switch (name) {
            case "main" -> Optional.of(Menu.DEFAULT);
            case "sales" -> Optional.of(SALES);
            case "support" -> Optional.of(SUPPORT);
            default -> Optional.empty();
        };
    }

    @Test
    void oneJoinsAMeetingWithoutARoomNumber() {
        call.leg.press("1");
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome"), call.leg.heard());
        assertEquals(List.of("meetings:"), call.handOvers);
        assertFalse(call.hungUp);
    }

    @Test
    void twoDialsTheNumberEnteredBeforePound() {
        call.leg.press("2").press("5551234");
        call.connectStatus.add(200);
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "enter-number", "please-hold"), call.leg.heard());
        assertEquals(List.of("5551234/60"), call.connects);
        assertEquals("#", call.leg.collections.get(1).terminators());
        assertEquals(1, call.leg.collections.get(0).maxDigits());
        assertFalse(call.hungUp);
    }

    @Test
    void whileTheTargetRingsTheCallerHearsMusicAfterPleaseHold() {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        FakeCall ringing = new FakeCall("dave", "*800") {
            @Override
            public CompletionStage<Integer> connect(String target, Duration timeout) {
                connects.add(target);
                return answer;
            }
        };
        List<FakeOp<Void>> music = new ArrayList<>();
        MusicOnHold moh = leg -> {
            FakeOp<Void> op = new FakeOp<>(null);
            music.add(op);
            return op;
        };
        ringing.leg.press("2").press("5551234");
        new IvrSession(ringing, this::menu, new FakePrompts(), () -> Optional.of(moh), Runnable::run, SETTINGS)
                .start("main");
        assertEquals(List.of("5551234"), ringing.connects);
        assertEquals(1, music.size(), "music once 'please hold' has played");
        answer.complete(200);
        assertTrue(music.get(0).stopped, "the music stops when the callee answers");
        assertFalse(ringing.hungUp);
    }

    @Test
    void aNumberThatDoesNotAnswerLeadsBackToTheMenu() {
        call.leg.press("2").press("5551234").press("1");
        call.connectStatus.add(486);
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "enter-number", "please-hold", "not-available",
                "ivr-welcome"), call.leg.heard());
        assertTrue(call.leg.playOps.get(3).stopped, "please-hold stops when the outcome is known");
        assertEquals(List.of("meetings:"), call.handOvers);
    }

    @Test
    void silenceReplaysThePromptUpToMaxAttemptsThenGoodbye() {
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "ivr-welcome", "ivr-welcome", "goodbye"), call.leg.heard());
        assertEquals(Duration.ofSeconds(5), call.leg.collections.get(0).firstDigitTimeout());
        assertTrue(call.hungUp);
    }

    @Test
    void anInvalidDigitSaysSoAndReplaysThePrompt() {
        call.leg.press("7").press("1");
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "invalid-choice", "ivr-welcome"), call.leg.heard());
        assertEquals(List.of("meetings:"), call.handOvers);
    }

    @Test
    void tooManyInvalidDigitsEndTheCall() {
        call.leg.press("7").press("8").press("9");
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "invalid-choice", "ivr-welcome", "invalid-choice",
                "ivr-welcome", "invalid-choice", "goodbye"), call.leg.heard());
        assertTrue(call.hungUp);
    }

    @Test
    void anEmptyNumberCountsAsAnInvalidChoice() {
        call.leg.press("2").press("");
        run("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "enter-number", "invalid-choice", "ivr-welcome",
                "ivr-welcome", "goodbye"), call.leg.heard());
    }

    @Test
    void submenusGreetAndHaveTheirOwnAttempts() {
        call.leg.press("7").press("2").press("1");
        run("sales");
        assertEquals(List.of("sales", "invalid-choice", "sales", "support-hello", "support"), call.leg.heard());
        assertEquals(List.of("voicemail:support"), call.handOvers);
    }

    @Test
    void repeatDoesNotCountAsAnAttempt() {
        call.leg.press("3").press("3").press("3").press("1");
        call.connectStatus.add(200);
        run("sales");
        assertEquals(List.of("sales", "sales", "sales", "sales", "please-hold"), call.leg.heard());
        assertEquals(List.of("bob/60"), call.connects);
    }

    @Test
    void hangupSaysGoodbye() {
        call.leg.press("0");
        run("sales");
        assertEquals(List.of("sales", "goodbye"), call.leg.heard());
        assertTrue(call.hungUp);
    }

    @Test
    void aMissingSubmenuIsAnInvalidChoice() {
        call.leg.press("9").press("0");
        run("sales");
        assertEquals(List.of("sales", "invalid-choice", "sales", "goodbye"), call.leg.heard());
    }

    @Test
    void anUninstalledApplicationKeepsTheCallerInTheMenu() {
        FakeCall refusing = new FakeCall("bob", "*800") {
            @Override
            public boolean handOver(String application, String arg) {
                handOvers.add(application);
                return false;
            }
        };
        refusing.leg.press("1").press("2").press("");
        new IvrSession(refusing, this::menu, new FakePrompts(), Runnable::run, SETTINGS).start("main");
        assertEquals(List.of("please-hold", "ivr-welcome", "not-available", "ivr-welcome", "enter-number",
                "invalid-choice", "ivr-welcome", "ivr-welcome", "goodbye"), refusing.leg.heard());
    }

    @Test
    void aCallerWhoHangsUpStopsTheMenu() {
        call.leg.holdPlays = true;
        run("main");
        call.leg.end();
        assertEquals(List.of("please-hold"), call.leg.heard());
        assertTrue(call.leg.collections.isEmpty());
    }

    @Test
    void anUnknownStartMenuSaysGoodbye() {
        run("nope");
        assertEquals(List.of("goodbye"), call.leg.heard());
        assertTrue(call.hungUp);
    }
}

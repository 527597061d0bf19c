package org.switchboard.echo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.PlayResult;
import org.switchboard.testing.FakeCall;
import org.switchboard.testing.FakePrompts;

class EchoApplicationTest {
    private final EchoApplication echo = new EchoApplication(new FakePrompts());

    @Test
    void saysEchoTestThenEchoesUntilTheCallerHangsUp() {
        FakeCall call = new FakeCall("alice", "*43");
        call.leg.holdPlays = true;
        echo.handle(call);
        assertEquals(List.of("echo-test", "-"), call.leg.heard());
        assertNull(call.leg.echo, "no echo while the prompt plays");
        call.leg.playOps.get(0).result.complete(new PlayResult(PlayResult.End.COMPLETED, (char) 0));
        assertNotNull(call.leg.echo);
        assertEquals(1, echo.activeCalls());
        call.leg.end();
        assertTrue(call.leg.echo.stopped);
        assertEquals(0, echo.activeCalls());
    }

    @Test
    void aCallerWhoHangsUpDuringThePromptGetsNoEcho() {
        FakeCall call = new FakeCall("bob", "*43");
        call.leg.holdPlays = true;
        echo.handle(call);
        call.leg.end();
        assertNull(call.leg.echo);
    }

    @Test
    void theEchoRunsInTheEngineSoNothingHereHoldsTheCall() {
        FakeCall call = new FakeCall("carol", "*43");
        echo.handle(call);
        assertNotNull(call.leg.echo);
        assertTrue(!call.hungUp);
    }
}

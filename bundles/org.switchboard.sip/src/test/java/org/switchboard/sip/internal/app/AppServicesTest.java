package org.switchboard.sip.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.app.CallApplication;

class AppServicesTest {
    private final AppServices services = new AppServices();

    @Test
    void applicationsAreFoundByNameAndRanking() {
        CallApplication a = call -> { };
        CallApplication b = call -> { };
        services.addApplication(a, Map.of(CallApplication.NAME, "echo", "service.id", 5L));
        services.addApplication(b, Map.of(CallApplication.NAME, "echo", "service.id", 7L, "service.ranking", 10,
                AppServices.ANSWER_DELAY, "250"));
        assertEquals(b, services.application("echo"));
        assertEquals(250, services.answerDelayMs("echo"));
        services.removeApplication(b, Map.of("service.id", 7L));
        assertEquals(a, services.application("echo"));
        assertEquals(0, services.answerDelayMs("echo"));
        assertNull(services.application("ivr"));
    }

    @Test
    void anApplicationWithoutANameIsIgnored() {
        services.addApplication(call -> { }, Map.of("service.id", 1L));
        assertNull(services.application(""));
    }
}

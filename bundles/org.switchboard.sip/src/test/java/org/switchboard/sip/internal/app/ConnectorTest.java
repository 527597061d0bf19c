package org.switchboard.sip.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Flow;
import org.switchboard.sip.internal.proxy.Target;

class ConnectorTest {
    @Test
    void webSocketDevicesAreBrowsers() {
        assertTrue(Connector.isBrowser(new Target("sip:a@x.invalid;transport=ws", List.of(), new Flow("WSS", "10.0.0.1", 4444))));
        assertTrue(Connector.isBrowser(new Target("sip:a@x.invalid;transport=ws", List.of(), null)));
        assertFalse(Connector.isBrowser(new Target("sip:a@10.0.0.1:5060", List.of(), new Flow("UDP", "10.0.0.1", 5060))));
        assertFalse(Connector.isBrowser(new Target("sip:a@10.0.0.1;transport=tcp", List.of(), null)));
    }

    @Test
    void browsersGetADtlsOfferAndPhonesPlainRtp() {
        assertEquals("UDP/TLS/RTP/SAVPF",
                Connector.profile(new Target("sip:a@x.invalid;transport=ws", List.of(), new Flow("WSS", "10.0.0.1", 4444))));
        assertEquals("RTP/AVP", Connector.profile(new Target("sip:a@10.0.0.1:5060", List.of(), new Flow("UDP", "10.0.0.1", 5060))));
    }
}

package org.switchboard.sip.internal.transport;

import java.util.Locale;

/**
 * A listening transport of the platform.
 *
 * @param name UDP, TCP, TLS, WS or WSS
 * @param bindAddress the address it listens on
 * @param port the port it listens on
 */
public record Transport(String name, String bindAddress, int port) {

    /** @return whether connections are secured with TLS */
    public boolean secure() {
        return "TLS".equals(name) || "WSS".equals(name);
    }

    /** @return the URI form, e.g. {@code wss://0.0.0.0:7443} or {@code sip:0.0.0.0:5060;transport=udp} */
    public String uri() {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("WS") ? lower + "://" + bindAddress + ":" + port
                : "sip:" + bindAddress + ":" + port + ";transport=" + lower;
    }
}

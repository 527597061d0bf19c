package org.switchboard.web.internal;

/** The configuration PIDs web components merge into a {@link WebConfig} (SIP, then web), and Pax Web's. */
final class Pids {
    static final String SIP = "org.switchboard.sip";
    static final String PAX_WEB = "org.ops4j.pax.web";
    static final String WEB = "org.switchboard.web";
    static final String TLS = "org.switchboard.tls";

    private Pids() {
    }
}

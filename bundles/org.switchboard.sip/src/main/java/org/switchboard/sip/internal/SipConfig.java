package org.switchboard.sip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.switchboard.sip}: transports, domains, registrar and auth rules. */
@ObjectClassDefinition(name = "Switchboard SIP", description = "SIP transports, registrar and proxy")
public @interface SipConfig {
    @AttributeDefinition(description = "Address to bind every transport to; 0.0.0.0 means all IPv4 interfaces")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(description = "Address put in Via and Record-Route for peers that are not on this host. Empty: the first non-loopback IPv4 address")
    String advertised_address() default "";

    @AttributeDefinition(description = "UDP port; 0 disables UDP")
    int udp_port() default 5060;

    @AttributeDefinition(description = "TCP port; 0 disables TCP")
    int tcp_port() default 5060;

    @AttributeDefinition(description = "TLS port; 0 disables TLS")
    int tls_port() default 5061;

    @AttributeDefinition(description = "WebSocket (RFC 7118) port; 0 disables WS")
    int ws_port() default 5066;

    @AttributeDefinition(description = "Secure WebSocket port; 0 disables WSS")
    int wss_port() default 7443;

    @AttributeDefinition(description = "Domains served besides this host's own names and addresses, comma separated. The first is the canonical domain of addresses of record")
    String[] domains() default {};

    @AttributeDefinition(description = "Digest authentication realm. Changing it invalidates stored credentials: reset passwords afterwards")
    String realm() default "switchboard";

    @AttributeDefinition(description = "Shortest registration interval accepted (seconds); shorter ones get 423 Interval Too Brief")
    int min_expires() default 60;

    @AttributeDefinition(description = "Longest registration interval granted (seconds)")
    int max_expires() default 3600;

    @AttributeDefinition(description = "Registration interval when the client asks for none (seconds)")
    int default_expires() default 3600;

    @AttributeDefinition(description = "Most contacts a user may register at once")
    int max_contacts() default 10;

    @AttributeDefinition(description = "Failed authentications from one address or for one user before a temporary block")
    int auth_failure_limit() default 10;

    @AttributeDefinition(description = "Window over which failures are counted (seconds)")
    int auth_failure_window_seconds() default 60;

    @AttributeDefinition(description = "How long a block lasts (seconds)")
    int auth_block_seconds() default 300;

    @AttributeDefinition(description = "Digest algorithms offered, one challenge each, in this order. Many clients (sipsak, Net::SIP) answer only the first challenge and know only MD5, so MD5 comes first by default; put SHA-256 first for fleets that support RFC 8760")
    String[] auth_algorithms() default {"MD5", "SHA-256"};

    @AttributeDefinition(description = "User-Agent prefixes of clients that fail on a challenge with an algorithm they do not know (baresip 1.x, JsSIP 3, SIP.js): they are challenged with MD5 alone")
    String[] auth_md5_only_user_agents() default {"baresip", "jssip", "sip.js"};

    @AttributeDefinition(description = "How long a nonce stays valid (seconds); older ones get stale=true")
    int nonce_ttl_seconds() default 300;

    @AttributeDefinition(description = "Seconds an unanswered forked INVITE may ring before the proxy cancels it (timer C)")
    int ring_timeout_seconds() default 180;

    @AttributeDefinition(description = "Threads that process incoming SIP messages (5 measured best on 2 cores)")
    int udp_threads() default 5;
}

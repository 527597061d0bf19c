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

    @AttributeDefinition(description = "Origins (https://phone.example.com) whose pages may open SIP over WebSocket, besides this server's own names and addresses; * allows every origin")
    String[] ws_allowed_origins() default {};

    @AttributeDefinition(description = "Requests from other domains (which cannot authenticate here) to local users: allow (any address), peers (only from inbound.peers), deny")
    String inbound_policy() default "allow";

    @AttributeDefinition(description = "Addresses whose requests from other domains reach local users when inbound.policy = peers")
    String[] inbound_peers() default {};

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

    @AttributeDefinition(description = "Digest algorithms offered, one challenge each, in this order. MD5 alone by default, as Asterisk and Kamailio do: many clients (JsSIP, SIP.js, baresip 1.x) abort on a 401 that also holds a challenge with an algorithm they do not know. Add SHA-256 (RFC 8760) when every client of the realm supports it")
    String[] auth_algorithms() default {"MD5"};

    @AttributeDefinition(description = "Only when auth.algorithms offers more than MD5: User-Agent prefixes of clients that get the MD5 challenge alone. Empty by default: the default offers MD5 alone and needs no guessing")
    String[] auth_md5_only_user_agents() default {};

    @AttributeDefinition(description = "How long a nonce stays valid (seconds); older ones get stale=true")
    int nonce_ttl_seconds() default 300;

    @AttributeDefinition(description = "Most subscriptions kept at once for the event packages plugins serve (message-summary, presence...); beyond it a new SUBSCRIBE gets 503")
    int subscriptions_max() default 100000;

    @AttributeDefinition(description = "Most MESSAGE and NOTIFY requests that plugins send to devices and that wait for an answer at once; beyond it a delivery fails at once with 503")
    int plugin_sends_max() default 10000;

    @AttributeDefinition(description = "Seconds an unanswered forked INVITE may ring before the proxy cancels it (timer C)")
    int ring_timeout_seconds() default 180;

    @AttributeDefinition(description = "Threads that process incoming SIP messages (5 measured best on 2 cores)")
    int udp_threads() default 5;

    @AttributeDefinition(description = "Datagrams that may wait for the UDP workers, all together. Past half of a worker's share, new initial requests get 503 with Retry-After; responses and in-dialog requests are queued until it is full")
    int udp_queue_messages() default 4096;

    @AttributeDefinition(description = "KiB those waiting datagrams may hold (each costs its own size)")
    int udp_queue_kib() default 16384;

    @AttributeDefinition(description = "Milliseconds the oldest waiting datagram may have waited before new initial requests get 503 (their senders retransmit after 500 ms)")
    int overload_queue_delay_ms() default 400;

    @AttributeDefinition(description = "Open SIP transactions (client and server) before new initial requests get 503; 0 sizes it from the heap (one per 10 KiB above 64 MiB: 46,000 for 512 MiB)")
    int overload_max_transactions() default 0;

    @AttributeDefinition(description = "Percent of the old generation still in use after a garbage collection above which new initial requests get 503 (100 turns the check off)")
    int overload_heap_percent() default 80;

    @AttributeDefinition(description = "TCP, TLS and WebSocket messages waiting for a worker before new initial requests get 503")
    int overload_max_pending() default 2000;

    @AttributeDefinition(description = "Retry-After (seconds) of the 503 sent when overloaded")
    int overload_retry_after_seconds() default 5;

    @AttributeDefinition(description = "Stateless final responses kept so that a UDP retransmission gets the same answer (about 0.5 KB each; 0 turns it off)")
    int response_cache_entries() default 32768;

    @AttributeDefinition(description = "TCP, TLS and WebSocket connections accepted at once; keep it below the process's file-handle limit (ulimit -n) minus what the platform needs for files and the database")
    int tcp_max_connections() default 10000;

    @AttributeDefinition(description = "Of those, connections from one address (phones behind one NAT share an address)")
    int tcp_max_connections_per_source() default 256;

    @AttributeDefinition(description = "Seconds an accepted connection may stay silent before it is closed (a connection that sends nothing is not a phone)")
    int tcp_silent_seconds() default 30;
}

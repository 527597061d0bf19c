package org.switchboard.sip.internal.transport;

import java.util.Properties;
import org.switchboard.api.tls.TlsIdentity;

/** The JAIN-SIP properties the platform runs with, and why. */
public final class StackProperties {
    static final java.util.List<String> CIPHER_SUITES = java.util.List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");

    private StackProperties() {
    }

    public static Properties of(String name, int udpThreads, TlsIdentity tls) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        // The proxy keeps no dialogs: it forwards them, endpoints own them.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        // Our listener is thread-safe and runs on the worker that parsed the message; without this
        // JAIN-SIP queues every event to one thread.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // UDP workers, and the workers of SwitchboardStack's OrderedDispatch, which keeps each TCP, TLS
        // or WebSocket connection's messages in order. (TCP_POST_PARSING_THREAD_POOL_SIZE only serves
        // the blocking transports, not the NIO ones: it is not set.)
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(udpThreads));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        // Bursts of thousands of REGISTERs per second overflow the kernel's default 208 KB.
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        // Stricter parsing (RFC 4475) with one-line errors; lives in the wrapper bundle, which loads it by name.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", "org.switchboard.jainsip.internal.StrictMessageParserFactory");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // Transaction timers on a scheduled executor rather than one java.util.Timer thread.
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        // slf4j logging that keeps malformed input from flooding the log (wrapper bundle, loaded by name)
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.switchboard.jainsip.internal.Slf4jStackLogger");
        p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        // Route every request through FlowRouter, whatever its URI scheme.
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_TERMINATED_EVENT_FOR_NULL_DIALOG", "false");
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "false");
        // On by default, this rewrites the Contact of every message from a WebSocket peer (and its Via
        // when .invalid) with the connection's address and port: it stamped the client's port on the
        // redirect targets of a 3xx and on the remote target of a 2xx, which a proxy must relay as sent
        // (RFC 3261 16.7). WebSocket peers are reached over their flow instead (FlowPolicy, FlowToken),
        // and responses go back by the received and rport the stack adds to the Via.
        p.setProperty("gov.nist.javax.sip.PATCH_SIP_WEBSOCKETS_HEADERS", "false");
        // TLS and WSS present the platform's identity; clients need no certificate.
        String ks = tls.keyStore().toString();
        String pw = new String(tls.password());
        p.setProperty("javax.net.ssl.keyStore", ks);
        p.setProperty("javax.net.ssl.keyStorePassword", pw);
        p.setProperty("javax.net.ssl.keyStoreType", tls.keyStoreType());
        p.setProperty("javax.net.ssl.trustStore", ks);
        p.setProperty("javax.net.ssl.trustStorePassword", pw);
        p.setProperty("javax.net.ssl.trustStoreType", tls.keyStoreType());
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
        // The RI's default list has only RSA key exchange and CBC; offer TLS 1.3 and ECDHE/AEAD
        // first, and keep TLS_RSA_WITH_AES_128_CBC_SHA, which RFC 3261 26.3.1 makes mandatory.
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
        return p;
    }
}

package org.switchboard.sip.internal.transport;

/**
 * What a listener is doing now.
 *
 * @param transport UDP, TCP, TLS, WS or WSS
 * @param port its port
 * @param receiving whether its receive threads are running and its socket is open
 * @param queued messages waiting for a worker
 * @param lastReceivedMillisAgo milliseconds since it last received something (-1 if unknown)
 */
public record ListenerState(String transport, int port, boolean receiving, int queued, long lastReceivedMillisAgo) {
}

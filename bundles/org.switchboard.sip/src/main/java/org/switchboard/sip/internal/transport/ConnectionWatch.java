package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;

/**
 * Tells who asked when the TCP, TLS or WebSocket connection a client transaction was sent over
 * closes. JAIN-SIP RI 1.3.0-91 reports nothing then: an INVITE client transaction that had a
 * provisional response has no timer left (Timer B stops at the 1xx), so it would wait for a
 * final response that can no longer come. {@link WatchedProcessors} hear every close.
 *
 * <p>The callback runs on the connection's lane of the {@link OrderedDispatch}, after the
 * messages already read from the connection: a 486 sent just before the close still counts.
 */
public final class ConnectionWatch {
    private final ConcurrentHashMap<MessageChannel, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private final OrderedDispatch lanes;

    ConnectionWatch(OrderedDispatch lanes) {
        this.lanes = lanes;
    }

    /**
     * @param ct a client transaction, once created
     * @param onClose what to run when its connection closes (at most once)
     * @return what stops the watch, or null when the transaction is not on a connection
     */
    public Runnable watch(ClientTransaction ct, Runnable onClose) {
        if (!(ct instanceof SIPTransaction t) || !(t.getMessageChannel() instanceof NioTcpMessageChannel ch)) {
            return null;
        }
        watchers.computeIfAbsent(ch, k -> ConcurrentHashMap.newKeySet()).add(onClose);
        if (ch.getSocketChannel() == null || !ch.getSocketChannel().isOpen()) {
            closed(ch); // it closed before we were watching
        }
        return () -> watchers.computeIfPresent(ch, (k, set) -> {
            set.remove(onClose);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called by the message processors when a connection is gone; never blocks. */
    void closed(MessageChannel ch) {
        Set<Runnable> gone = watchers.remove(ch);
        if (gone == null) {
            return;
        }
        Object lane = ch instanceof NioTcpMessageChannel nio ? DispatchKey.of(nio) : null;
        for (Runnable r : gone) {
            lanes.execute(lane, r);
        }
    }

    /** @return how many connections are watched (for tests) */
    int size() {
        return watchers.size();
    }
}

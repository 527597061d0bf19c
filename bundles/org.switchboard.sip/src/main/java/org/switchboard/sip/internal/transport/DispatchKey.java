package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.ThreadAffinityIdentifier;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task handed to the stack's worker pool must stay in order with.
 *
 * <p>The NIO transports parse a connection's bytes into messages and hand each one over as a
 * {@link NioPipelineParser.Dispatch}. JAIN-SIP RI 1.3.0-91 gives it no affinity (it does not
 * implement {@link ThreadAffinityIdentifier}), so its own pool deals the messages of one
 * connection round-robin to its threads, where they overtake each other. The parser belongs to
 * one connection, so the Dispatch's enclosing parser is the key. The stack's own self-routed
 * messages carry their Call-ID as {@link ThreadAffinityIdentifier}, which we keep.
 */
final class DispatchKey {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchKey.class);
    /** The Dispatch's enclosing parser (an inner class's {@code this$0}), or null if this JAIN-SIP has none. */
    private static final Field PARSER = parserField();
    /** A connection's parser (package-private {@code nioParser}), or null if this JAIN-SIP has none. */
    private static final Field CHANNEL_PARSER = channelParserField();

    private DispatchKey() {
    }

    /** @return the key of a task, or null when it need not wait for any other */
    static Object of(Runnable task) {
        if (task instanceof NioPipelineParser.Dispatch d) {
            return connectionOf(d);
        }
        if (task instanceof ThreadAffinityIdentifier t) {
            return t.getThreadHash();
        }
        return null;
    }

    static Object connectionOf(NioPipelineParser.Dispatch d) {
        try {
            return PARSER == null ? null : PARSER.get(d);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** @return the key of a connection's messages: its parser, or null if it cannot be found */
    static Object of(NioTcpMessageChannel channel) {
        try {
            return CHANNEL_PARSER == null ? null : CHANNEL_PARSER.get(channel);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field channelParserField() {
        try {
            Field f = NioTcpMessageChannel.class.getDeclaredField("nioParser");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            LOG.warn("This JAIN-SIP's NioTcpMessageChannel has no accessible nioParser: a closed connection's branches "
                    + "may end before its last responses are handled. Check DispatchKey against the JAIN-SIP version");
            return null;
        }
    }

    private static Field parserField() {
        for (Field f : NioPipelineParser.Dispatch.class.getDeclaredFields()) {
            if (f.getType() == NioPipelineParser.class) {
                try {
                    f.setAccessible(true);
                    return f;
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        LOG.error("This JAIN-SIP's NioPipelineParser.Dispatch has no accessible parser field: messages of one TCP, TLS "
                + "or WebSocket connection may be handled out of order. Check DispatchKey against the JAIN-SIP version");
        return null;
    }
}

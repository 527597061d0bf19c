package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsWebSocketMessageProcessor;
import gov.nist.javax.sip.stack.NioWebSocketMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The RI's NIO message processors, each telling the {@link ConnectionWatch} when one of its
 * connections is removed. Every close of a NIO connection (end of stream, read or write error,
 * keep-alive timeout, a WebSocket close, the stack stopping) goes through
 * {@code ConnectionOrientedMessageProcessor.remove}, and the RI has no other hook there.
 */
final class WatchedProcessors implements MessageProcessorFactory {
    private final MessageProcessorFactory standard = new NioMessageProcessorFactory();
    private final ConnectionWatch watch;

    WatchedProcessors(ConnectionWatch watch) {
        this.watch = watch;
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress ip, int port, String transport)
            throws IOException {
        return switch (transport.toUpperCase(Locale.ROOT)) {
            case "TCP" -> new Tcp(ip, stack, port, watch);
            case "TLS" -> new Tls(ip, stack, port, watch);
            case "WS" -> new Ws(ip, stack, port, watch);
            case "WSS" -> new Wss(ip, stack, port, watch);
            default -> standard.createMessageProcessor(stack, ip, port, transport);
        };
    }

    private static final class Tcp extends NioTcpMessageProcessor {
        private final ConnectionWatch watch;

        Tcp(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch) {
            super(ip, stack, port);
            this.watch = watch;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            watch.closed(channel);
        }
    }

    private static final class Tls extends NioTlsMessageProcessor {
        private final ConnectionWatch watch;

        Tls(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch) {
            super(ip, stack, port);
            this.watch = watch;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            watch.closed(channel);
        }
    }

    private static final class Ws extends NioWebSocketMessageProcessor {
        private final ConnectionWatch watch;

        Ws(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch) {
            super(ip, stack, port);
            this.watch = watch;
            this.transport = "WS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            watch.closed(channel);
        }
    }

    private static final class Wss extends NioTlsWebSocketMessageProcessor {
        private final ConnectionWatch watch;

        Wss(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch) {
            super(ip, stack, port);
            this.watch = watch;
            this.transport = "WSS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            watch.closed(channel);
        }
    }
}

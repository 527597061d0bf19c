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
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.net.InetAddress;
import java.util.Locale;
import org.switchboard.sip.internal.overload.LoadGate;
import org.switchboard.sip.internal.overload.MalformedSources;

/**
 * The RI's NIO message processors, each telling the {@link ConnectionWatch} when one of its
 * connections is removed. Every close of a NIO connection (end of stream, read or write error,
 * keep-alive timeout, a WebSocket close, the stack stopping) goes through
 * {@code ConnectionOrientedMessageProcessor.remove}, and the RI has no other hook there.
 */
final class WatchedProcessors implements MessageProcessorFactory {
    private final MessageProcessorFactory standard = new NioMessageProcessorFactory();
    private final ConnectionWatch watch;
    private final LoadGate gate;
    private final int udpThreads;
    private final java.util.Map<MessageProcessor, Listening> created = new java.util.concurrent.ConcurrentHashMap<>();

    private final MalformedSources malformed;

    private final ConnectionLimits limits;

    WatchedProcessors(ConnectionWatch watch, LoadGate gate, int udpThreads, MalformedSources malformed,
            ConnectionLimits limits) {
        this.limits = limits;
        this.malformed = malformed;
        this.watch = watch;
        this.gate = gate;
        this.udpThreads = udpThreads;
    }

    /** A listener that can say what it is doing. */
    interface Listening {
        ListenerState state();
    }

    /** @return the state of each of these processors that this factory made */
    java.util.List<ListenerState> states(MessageProcessor[] running) {
        java.util.List<ListenerState> out = new java.util.ArrayList<>();
        for (MessageProcessor p : running) {
            Listening l = created.get(p);
            if (l != null) {
                out.add(l.state());
            }
        }
        created.keySet().retainAll(java.util.Set.of(running)); // forget the removed ones
        return out;
    }

    private static ListenerState nio(String transport, int port, Thread selector, boolean running) {
        return new ListenerState(transport, port, running && selector != null && selector.isAlive(), 0, -1);
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress ip, int port, String transport)
            throws IOException {
        MessageProcessor p = switch (transport.toUpperCase(Locale.ROOT)) {
            case "UDP" -> new UdpListener(ip, stack, port, udpThreads, gate, malformed);
            case "TCP" -> new Tcp(ip, stack, port, watch, limits);
            case "TLS" -> new Tls(ip, stack, port, watch, limits);
            case "WS" -> new Ws(ip, stack, port, watch, limits);
            case "WSS" -> new Wss(ip, stack, port, watch, limits);
            default -> standard.createMessageProcessor(stack, ip, port, transport);
        };
        if (p instanceof Listening l) {
            created.put(p, l);
        } else if (p instanceof UdpListener u) {
            created.put(p, u::state);
        }
        return p;
    }

    private static final class Tcp extends NioTcpMessageProcessor implements Listening {
        private final ConnectionWatch watch;
        private final ConnectionLimits limits;

        Tcp(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch, ConnectionLimits limits) {
            super(ip, stack, port);
            this.watch = watch;
            this.limits = limits;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            limits.closed(channel);
            watch.closed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            limits.admit(client);
            NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
            limits.opened(channel, client.socket().getInetAddress());
            return channel;
        }

        @Override
        public ListenerState state() {
            return nio(getTransport().toUpperCase(Locale.ROOT), getPort(), selectorThread, selector != null && selector.isOpen());
        }
    }

    private static final class Tls extends NioTlsMessageProcessor implements Listening {
        private final ConnectionWatch watch;
        private final ConnectionLimits limits;

        Tls(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch, ConnectionLimits limits) {
            super(ip, stack, port);
            this.watch = watch;
            this.limits = limits;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            limits.closed(channel);
            watch.closed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            limits.admit(client);
            NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
            limits.opened(channel, client.socket().getInetAddress());
            return channel;
        }

        @Override
        public ListenerState state() {
            return nio(getTransport().toUpperCase(Locale.ROOT), getPort(), selectorThread, selector != null && selector.isOpen());
        }
    }

    private static final class Ws extends NioWebSocketMessageProcessor implements Listening {
        private final ConnectionWatch watch;
        private final ConnectionLimits limits;

        Ws(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch, ConnectionLimits limits) {
            super(ip, stack, port);
            this.watch = watch;
            this.limits = limits;
            this.transport = "WS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            limits.closed(channel);
            watch.closed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            limits.admit(client);
            NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
            limits.opened(channel, client.socket().getInetAddress());
            return channel;
        }

        @Override
        public ListenerState state() {
            return nio(getTransport().toUpperCase(Locale.ROOT), getPort(), selectorThread, selector != null && selector.isOpen());
        }
    }

    private static final class Wss extends NioTlsWebSocketMessageProcessor implements Listening {
        private final ConnectionWatch watch;
        private final ConnectionLimits limits;

        Wss(InetAddress ip, SIPTransactionStack stack, int port, ConnectionWatch watch, ConnectionLimits limits) {
            super(ip, stack, port);
            this.watch = watch;
            this.limits = limits;
            this.transport = "WSS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            limits.closed(channel);
            watch.closed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            limits.admit(client);
            NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
            limits.opened(channel, client.socket().getInetAddress());
            return channel;
        }

        @Override
        public ListenerState state() {
            return nio(getTransport().toUpperCase(Locale.ROOT), getPort(), selectorThread, selector != null && selector.isOpen());
        }
    }
}

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
    private final Hooks hooks;

    WatchedProcessors(ConnectionWatch watch, LoadGate gate, int udpThreads, MalformedSources malformed,
            ConnectionLimits limits) {
        this.limits = limits;
        this.hooks = new Hooks(watch, limits);
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

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress ip, int port, String transport)
            throws IOException {
        MessageProcessor p = switch (transport.toUpperCase(Locale.ROOT)) {
            case "UDP" -> new UdpListener(ip, stack, port, udpThreads, gate, malformed);
            case "TCP" -> new Tcp(ip, stack, port, hooks);
            case "TLS" -> new Tls(ip, stack, port, hooks);
            case "WS" -> new Ws(ip, stack, port, hooks);
            case "WSS" -> new Wss(ip, stack, port, hooks);
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
        private final Hooks hooks;

        Tcp(InetAddress ip, SIPTransactionStack stack, int port, Hooks hooks) {
            super(ip, stack, port);
            this.hooks = hooks;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            hooks.removed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return hooks.accepted(client, () -> super.createMessageChannel(processor, client));
        }

        @Override
        public ListenerState state() {
            return Hooks.state(getTransport(), getPort(), selectorThread, selector);
        }
    }

    private static final class Tls extends NioTlsMessageProcessor implements Listening {
        private final Hooks hooks;

        Tls(InetAddress ip, SIPTransactionStack stack, int port, Hooks hooks) {
            super(ip, stack, port);
            this.hooks = hooks;
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            hooks.removed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return hooks.accepted(client, () -> super.createMessageChannel(processor, client));
        }

        @Override
        public ListenerState state() {
            return Hooks.state(getTransport(), getPort(), selectorThread, selector);
        }
    }

    private static final class Ws extends NioWebSocketMessageProcessor implements Listening {
        private final Hooks hooks;

        Ws(InetAddress ip, SIPTransactionStack stack, int port, Hooks hooks) {
            super(ip, stack, port);
            this.hooks = hooks;
            this.transport = "WS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            hooks.removed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return hooks.accepted(client, () -> super.createMessageChannel(processor, client));
        }

        @Override
        public ListenerState state() {
            return Hooks.state(getTransport(), getPort(), selectorThread, selector);
        }
    }

    private static final class Wss extends NioTlsWebSocketMessageProcessor implements Listening {
        private final Hooks hooks;

        Wss(InetAddress ip, SIPTransactionStack stack, int port, Hooks hooks) {
            super(ip, stack, port);
            this.hooks = hooks;
            this.transport = "WSS";
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            hooks.removed(channel);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return hooks.accepted(client, () -> super.createMessageChannel(processor, client));
        }

        @Override
        public ListenerState state() {
            return Hooks.state(getTransport(), getPort(), selectorThread, selector);
        }
    }

    /** What every stream processor does beyond the RI's: connection limits and close notices. */
    private record Hooks(ConnectionWatch watch, ConnectionLimits limits) {
        interface Accept {
            NioTcpMessageChannel make() throws IOException;
        }

        void removed(ConnectionOrientedMessageChannel channel) {
            limits.closed(channel);
            watch.closed(channel);
        }

        NioTcpMessageChannel accepted(SocketChannel client, Accept make) throws IOException {
            limits.admit(client);
            NioTcpMessageChannel channel = make.make();
            limits.opened(channel, client.socket().getInetAddress());
            return channel;
        }

        static ListenerState state(String transport, int port, Thread selectorThread, java.nio.channels.Selector selector) {
            boolean running = selector != null && selector.isOpen() && selectorThread != null && selectorThread.isAlive();
            return new ListenerState(transport.toUpperCase(Locale.ROOT), port, running, 0, -1);
        }
    }
}

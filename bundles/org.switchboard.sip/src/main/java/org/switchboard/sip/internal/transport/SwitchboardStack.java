package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.SIPHeaderList;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.PeerUnavailableException;
import org.switchboard.sip.internal.overload.HeapPressure;
import org.switchboard.sip.internal.overload.LoadGate;
import org.switchboard.sip.internal.overload.MalformedSources;
import org.switchboard.sip.internal.overload.OverloadLimits;

/**
 * The JAIN-SIP stack, with the {@link FlowRouter} installed as its router. Via, Route and
 * Record-Route values go out one per header line: JsSIP 3 reads a comma-separated Via line
 * by its last value, which files the proxied INVITE under the wrong branch, so the CANCEL
 * that follows gets 481 and the browser keeps ringing.
 *
 * <p>Its worker pool for TCP, TLS and WebSocket messages is an {@link OrderedDispatch} of its
 * own ({@code gov.nist.javax.sip.THREAD_POOL_SIZE} threads), which keeps each connection's
 * messages in arrival order; the RI's pool is a static one that reorders them. Its message
 * processors report closed connections to a {@link ConnectionWatch}.
 */
public final class SwitchboardStack extends SipStackImpl {
    private final OrderedDispatch workers;
    private final ConnectionWatch connections;

    private final LoadGate gate;
    private final WatchedProcessors processors;
    private final ConnectionLimits connectionLimits;
    private final MalformedSources malformed = new MalformedSources(60_000, System::currentTimeMillis);

    public SwitchboardStack(Properties properties, OverloadLimits limits) throws PeerUnavailableException {
        super(properties);
        SIPHeaderList.setPrettyEncode(true);
        setRouter(new FlowRouter(this));
        int threads = threadPoolSize > 0 ? threadPoolSize : 4;
        workers = new OrderedDispatch(getStackName() + "-conn", threads);
        connections = new ConnectionWatch(workers);
        gate = new LoadGate(() -> getServerTransactionTableSize() + getClientTransactionTableSize(), workers::pending, limits,
                HeapPressure.of(limits.heapPercent()));
        connectionLimits = new ConnectionLimits(limits.maxConnections(), limits.maxConnectionsPerSource(),
                limits.silentConnectionSeconds(), workers);
        processors = new WatchedProcessors(connections, gate, threads, malformed, connectionLimits);
        setMessageProcessorFactory(processors);
    }

    /** @return what decides whether new initial requests are refused with 503, and its counts */
    public LoadGate gate() {
        return gate;
    }

    /** @return the count of malformed requests per source */
    public MalformedSources malformed() {
        return malformed;
    }

    /**
     * Deletes a listening point for good. The RI files it under the address it was asked for
     * ({@code 0.0.0.0}) but deletes it under the address its socket reports ({@code ::} for a
     * UDP socket bound to all addresses), so a deleted UDP listening point stayed in its table
     * and was handed back, stopped, by the next {@code createListeningPoint}.
     */
    @Override
    public void deleteListeningPoint(javax.sip.ListeningPoint lp) throws javax.sip.ObjectInUseException {
        super.deleteListeningPoint(lp);
        listeningPoints.values().removeIf(x -> x == lp);
    }

    /** @return TCP, TLS and WebSocket connections accepted and open now */
    public int acceptedConnections() {
        return connectionLimits.open();
    }

    /** @return the state of every listener now */
    public java.util.List<ListenerState> listenerStates() {
        return processors.states(getMessageProcessors());
    }

    /** @return who hears of closed TCP, TLS and WebSocket connections */
    public ConnectionWatch connections() {
        return connections;
    }

    @Override
    public ScheduledExecutorService getSelfRoutingThreadpoolExecutor() {
        return workers;
    }

    @Override
    public void stopStack() {
        super.stopStack();
        workers.shutdown();
    }
}

package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.SIPHeaderList;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.PeerUnavailableException;

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

    public SwitchboardStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        SIPHeaderList.setPrettyEncode(true);
        setRouter(new FlowRouter(this));
        workers = new OrderedDispatch(getStackName() + "-conn", threadPoolSize > 0 ? threadPoolSize : 4);
        connections = new ConnectionWatch(workers);
        setMessageProcessorFactory(new WatchedProcessors(connections));
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

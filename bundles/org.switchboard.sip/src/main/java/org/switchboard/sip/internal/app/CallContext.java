package org.switchboard.sip.internal.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.proxy.TargetResolver;

/**
 * What a hosted call and its parts (answer, dialogs, connector) work with: the SIP context, the
 * responses, the optional services, the timers, routing, the event sink, and the few operations
 * of the host's tables. Given to them instead of the host itself, so that each part sees only
 * this, not the host as a service locator.
 *
 * @param sip the SIP context
 * @param responses responses sent by the platform
 * @param services the optional services (applications, engine, dial plan, music on hold)
 * @param timers the SIP timer thread
 * @param resolver where a target's devices are
 * @param events where call events go
 * @param host the host's tables and application threads
 */
record CallContext(SipContext sip, Responses responses, AppServices services, ScheduledExecutorService timers,
        TargetResolver resolver, BiConsumer<String, Map<String, Object>> events, Host host) {

    /** The host's tables and application threads, as hosted calls use them. */
    interface Host {
        /** @return the server transaction for an in-dialog request, or null to answer statelessly */
        ServerTransaction open(Request req);

        /** Registers an answered call. */
        void register(HostedCall call);

        /** Registers a dialog, so that its in-dialog requests reach it. */
        void register(DialogSide side);

        /** Forgets a call and its dialogs. */
        void unregister(HostedCall call, List<DialogSide> sides);

        /** Runs application code on the host's application threads. */
        void execute(String what, Runnable r);
    }
}

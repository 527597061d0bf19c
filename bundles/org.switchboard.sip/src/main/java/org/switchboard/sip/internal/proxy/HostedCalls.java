package org.switchboard.sip.internal.proxy;

import javax.sip.message.Response;
import org.switchboard.sip.internal.core.Inbound;

/**
 * What the proxy needs of the calls the platform hosts for applications. The application host
 * implements it, so that the proxy package does not depend on the application package (which
 * depends on the proxy's routing).
 */
public interface HostedCalls {

    /** The INVITE transaction's application data while a hosted call is being answered. */
    interface Cancellable {
        /** The caller sent CANCEL (already answered 200): end with 487 unless answered. */
        void cancelled();
    }

    /**
     * Answers an INVITE with a call application.
     *
     * @return false if no such application is installed (nothing was sent)
     */
    boolean answer(Inbound in, String application, String argument, String dialled);

    /** @return whether an ACK belongs to a hosted call (it never goes to the proxy then) */
    boolean onAck(Inbound in);

    /** @return whether a response no transaction matched belongs to a hosted call (and was handled) */
    boolean onStrayResponse(Response response);
}

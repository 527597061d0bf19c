package org.switchboard.sip.internal.core;


import javax.sip.message.Request;

/** Requests served on the platform itself (by plugins) rather than relayed by the proxy. */
public interface LocalHandling {

    /**
     * Offered every request that starts something new, once its sender is authorized and no
     * Route is left.
     *
     * @param in the request as received
     * @param work the request with our Route entries removed
     * @param sender the authenticated local user who sent it, or null for another domain's sender
     * @return true if it was taken (and is or will be answered); false to relay it
     * @throws Exception when it cannot be handled; the dispatcher answers 500
     */
    boolean handle(Inbound in, Request work, String sender) throws Exception;

    /** Relays everything. */
    LocalHandling NONE = (in, work, sender) -> false;
}

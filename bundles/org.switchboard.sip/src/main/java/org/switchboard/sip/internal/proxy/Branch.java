package org.switchboard.sip.internal.proxy;

import javax.sip.ClientTransaction;
import javax.sip.address.Hop;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** One forwarded copy of a request and what came back on it. Guarded by its ProxyTransaction. */
final class Branch {
    final ProxyTransaction owner;
    final Request request;
    final Hop hop;
    ClientTransaction ct;
    boolean provisional;
    boolean done;
    boolean cancelRequested;
    boolean cancelSent;
    int status;
    Response response;
    /** Stops watching the branch's connection; null when it is not on one. */
    Runnable unwatch;

    void attach(ClientTransaction tx) {
        synchronized (owner) {
            this.ct = tx;
        }
    }

    /** The branch has its final outcome: its connection no longer matters to it. */
    void stopWatching() {
        if (unwatch != null) {
            unwatch.run();
            unwatch = null;
        }
    }

    Branch(ProxyTransaction owner, Request request, Hop hop) {
        this.owner = owner;
        this.request = request;
        this.hop = hop;
    }
}

package org.switchboard.sip.internal.core;


import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.ServerTransaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;

/**
 * Opens server transactions only for requests the proxy forwards. Requests the platform
 * answers itself (REGISTER, challenges, rejections) are answered statelessly, as Kamailio
 * does: cheaper, and a retransmission simply gets the same answer again.
 */
public final class ServerTransactions {
    private final SipContext sip;
    private final SIPTransactionStack stack;

    public ServerTransactions(SipContext sip, SIPTransactionStack stack) {
        this.sip = sip;
        this.stack = stack;
    }

    /**
     * The outcome of opening a transaction.
     *
     * @param retransmission true when the request belongs to a transaction that exists: drop it
     * @param tx the new transaction, or null to go on statelessly
     */
    public record Opened(boolean retransmission, ServerTransaction tx) {
    }

    public Opened open(Request req) {
        try {
            return new Opened(false, sip.provider().getNewServerTransaction(req));
        } catch (TransactionAlreadyExistsException e) {
            SIPTransaction existing = stack.findTransaction((SIPRequest) req, true);
            boolean same = existing == null || existing.isMessagePartOfTransaction((SIPMessage) req);
            // otherwise another request reuses the branch (RFC 3261 17.2.3 also compares sent-by)
            return new Opened(same, null);
        } catch (TransactionUnavailableException e) {
            return new Opened(false, null);
        }
    }
}

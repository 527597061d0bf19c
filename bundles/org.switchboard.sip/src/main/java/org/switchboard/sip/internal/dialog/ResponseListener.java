package org.switchboard.sip.internal.dialog;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/** A client transaction's application data for requests the platform sent as an endpoint (UAC). */
public interface ResponseListener {
    /** A response to the request. */
    void onResponse(ClientTransaction ct, Response response);

    /** No final response came (timer F or B). */
    void onTimeout(ClientTransaction ct);
}

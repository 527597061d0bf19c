package org.switchboard.api.sip.send;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** Sends a request outside any dialog to every registered device of a local user. */
@ProviderType
public interface SipSender {

    /**
     * Sends the request to each binding of the user at once (forking in parallel). The stage
     * completes when every device has answered or timed out (32 s at most); with no device
     * registered it completes at once with an empty list.
     *
     * @param request what to send
     * @return one outcome per device
     * @throws IllegalArgumentException for a method other than MESSAGE or NOTIFY, or an unknown user
     */
    CompletionStage<List<Delivery>> send(OutgoingRequest request);
}

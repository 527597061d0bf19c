package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.SIPHeaderList;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * The JAIN-SIP stack, with the {@link FlowRouter} installed as its router. Via, Route and
 * Record-Route values go out one per header line: JsSIP 3 reads a comma-separated Via line
 * by its last value, which files the proxied INVITE under the wrong branch, so the CANCEL
 * that follows gets 481 and the browser keeps ringing.
 */
public final class SwitchboardStack extends SipStackImpl {

    public SwitchboardStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        SIPHeaderList.setPrettyEncode(true);
        setRouter(new FlowRouter(this));
    }
}

package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.SipStackImpl;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/** The JAIN-SIP stack, with the {@link FlowRouter} installed as its router. */
public final class SwitchboardStack extends SipStackImpl {

    public SwitchboardStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        setRouter(new FlowRouter(this));
    }
}

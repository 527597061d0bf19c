package org.switchboard.sip.internal.transport;

import java.util.Properties;
import javax.sip.PeerUnavailableException;

/** Stacks for unit tests: four connection workers, the router for every URI, slf4j logging. */
final class TestStacks {
    private TestStacks() {
    }

    static SwitchboardStack create(String name) throws PeerUnavailableException {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.switchboard.jainsip.internal.Slf4jStackLogger");
        return new SwitchboardStack(p, new org.switchboard.sip.internal.overload.OverloadLimits(4096, 16L << 20, 200, 20_000, 2_000, 5, 1000, 100, 30, 80));
    }
}

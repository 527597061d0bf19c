package org.switchboard.itest.support;

import java.time.Duration;

/**
 * A Net::SIP user agent process (src/test/resources/netsip/sipua.pl) acting as one device of a
 * user. Commands go to its stdin; the events it prints are awaited.
 */
public final class NetSipAgent {

    private final SipUser user;
    private final ExternalProcess process;

    NetSipAgent(SipUser user, ExternalProcess process) {
        this.user = user;
        this.process = process;
    }

    /** @return the user this agent registers as */
    public SipUser user() {
        return user;
    }

    /** @return the contact address, {@code 127.0.0.1:port} */
    public String contactAddress() {
        return process.awaitLine(SwitchboardTestSupport.SIP_TIMEOUT, "LISTENING ").substring("LISTENING ".length());
    }

    /** Waits for the registration it sends at start to succeed. */
    public NetSipAgent awaitRegistered() {
        String line = process.awaitLine(SwitchboardTestSupport.SIP_TIMEOUT,
                l -> l.startsWith("REGISTERED") || l.startsWith("REGISTER-FAILED"));
        if (!line.startsWith("REGISTERED")) {
            throw new AssertionError(user.name() + " could not register: " + line + "\n" + process.describe());
        }
        return this;
    }

    /**
     * @param command a line for sipua.pl
     */
    public void send(String command) {
        process.send(command);
    }

    /**
     * @param prefix the start of an event line
     * @return the line
     */
    public String await(String prefix) {
        return process.awaitLine(SwitchboardTestSupport.SIP_TIMEOUT, prefix);
    }

    /**
     * @param prefix the start of an event line
     * @param timeout how long to wait
     * @return the line
     */
    public String await(String prefix, Duration timeout) {
        return process.awaitLine(timeout, prefix);
    }

    /** @return whether it printed an event starting with the prefix */
    public boolean saw(String prefix) {
        return process.printed(prefix);
    }

    /** @return the command and everything it printed */
    public String describe() {
        return process.describe();
    }
}

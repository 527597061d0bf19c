package org.switchboard.itest.support;

/**
 * A user of the local domain, created for one test.
 *
 * @param name the user name
 * @param password the password
 */
public record SipUser(String name, String password) {
    /** @return the address of record, {@code sip:name@127.0.0.1} */
    public String aor() {
        return "sip:" + name + "@" + SwitchboardTestSupport.HOST;
    }
}

package org.switchboard.itest.support;

import java.time.Duration;

/** sipsak (an independent SIP tool from apt) as a registering phone. */
public final class Sipsak {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Sipsak() {
    }

    /**
     * sipsak in usrloc mode: one REGISTER of {@code user} with the given contact, answering 401.
     * Exit code 0 means it got a 200.
     */
    public static ExternalProcess.Result register(String host, int port, String user, String password, String contact,
            int expires) {
        // sipsak 0.9.8.1 quirks: the port goes in -r (it cuts the last digit of a 5-digit port
        // written in the -s URI), and -u names the digest user (usrloc mode would send "user@")
        return ExternalProcess.run(TIMEOUT, "sipsak", "-U", "-vvv", "-u", user, "-C", contact,
                "-s", "sip:" + user + "@" + host, "-r", String.valueOf(port),
                "-a", password, "-x", String.valueOf(expires));
    }
}

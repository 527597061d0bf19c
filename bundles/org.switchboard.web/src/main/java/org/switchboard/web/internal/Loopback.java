package org.switchboard.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a peer address is this machine's loopback interface. */
final class Loopback {
    private Loopback() {
    }

    static boolean is(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        if (!Character.isDigit(a.charAt(0)) && a.indexOf(':') < 0) {
            return false;
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

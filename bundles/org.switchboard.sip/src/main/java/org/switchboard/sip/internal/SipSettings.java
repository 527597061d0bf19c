package org.switchboard.sip.internal;

import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numeric settings of {@link SipConfig}, checked against the raw configuration: a value
 * that is not a number or is out of range is logged with its key and the fix, and the default
 * is used instead, so one typo does not take SIP down (or silently turn a port off).
 */
final class SipSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SipSettings.class);
    private static final String FILE = "etc/org.switchboard.sip.cfg";

    private final Map<String, Object> raw;

    SipSettings(Map<String, Object> raw) {
        this.raw = raw;
    }

    int port(String key, IntSupplier configured, int fallback) {
        return number(key, configured, fallback, 0, 65535, "a port number (0 disables the transport)");
    }

    int positive(String key, IntSupplier configured, int fallback) {
        return number(key, configured, fallback, 1, Integer.MAX_VALUE, "a whole number above 0");
    }

    int number(String key, IntSupplier configured, int fallback) {
        return number(key, configured, fallback, 0, Integer.MAX_VALUE, "a whole number, 0 or more");
    }

    private int number(String key, IntSupplier configured, int fallback, int min, int max, String what) {
        Object value = raw.get(key);
        if (value == null) {
            return configured.getAsInt(); // the annotation's default
        }
        try {
            int v = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.error("{} = '{}' in {} is not {}; using {}. Fix the value, or remove the line for the default",
                key, value, FILE, what, fallback);
        return fallback;
    }

    /** Checks settings that must agree with each other. */
    static int[] expiryBounds(int min, int max) {
        if (min > max) {
            LOG.error("min.expires = {} is above max.expires = {} in {}; using {} for both. Fix: min.expires <= max.expires",
                    min, max, FILE, max);
            return new int[] {max, max};
        }
        return new int[] {min, max};
    }
}

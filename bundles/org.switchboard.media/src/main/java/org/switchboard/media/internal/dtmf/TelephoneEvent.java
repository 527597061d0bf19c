package org.switchboard.media.internal.dtmf;

import org.switchboard.media.internal.rtp.Bytes;

/** The RFC 4733 telephone-event payload: event, end bit, volume, duration. */
public final class TelephoneEvent {
    public static final int LENGTH = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvent() {
    }

    /** @return the event code of a DTMF digit (0-15), or -1 */
    public static int code(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }

    /** @return the digit of an event code, or 0 for non-DTMF events */
    public static char digit(int code) {
        return code >= 0 && code < DIGITS.length() ? DIGITS.charAt(code) : 0;
    }

    public static void write(byte[] dst, int off, int event, boolean end, int volume, int duration) {
        dst[off] = (byte) event;
        dst[off + 1] = (byte) ((end ? 0x80 : 0) | (volume & 0x3F));
        Bytes.put16(dst, off + 2, Math.min(duration, 0xFFFF));
    }

    public static int event(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static boolean end(byte[] b, int off) {
        return (b[off + 1] & 0x80) != 0;
    }

    public static int volume(byte[] b, int off) {
        return b[off + 1] & 0x3F;
    }

    public static int duration(byte[] b, int off) {
        return Bytes.u16(b, off + 2);
    }
}

package org.switchboard.itest.apps;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.switchboard.itest.support.RtpPhone;

/**
 * A {@link RtpPhone} for the application tests: it sends a sine tone of its own frequency (or
 * silence) as 20 ms PCMU RTP, presses keys as RFC 4733 events, and keeps the last seconds of
 * what it receives so that a test can ask how loud it is and how strong one frequency is in it.
 */
final class TonePhone extends RtpPhone {
    private static final int RING = 8000 * 8;

    private final ConcurrentLinkedQueue<Character> keys = new ConcurrentLinkedQueue<>();
    private final short[] heard = new short[RING];
    private long heardCount;
    private volatile double frequency;
    // the sending thread's state
    private final byte[] packet = new byte[172];
    private int seq;
    private long ts;
    private long phase;
    private Character key;
    private int keyPacket;
    private long keyTs;

    /**
     * @param frequency what it sends, in Hz; 0 for silence
     */
    TonePhone(int serverPort, String user, double frequency) {
        super(serverPort, user);
        this.frequency = frequency;
        packet[0] = (byte) 0x80;
        packet[8] = 0x34;
        packet[11] = (byte) user.hashCode();
        start("tone-phone");
    }

    void frequency(double hz) {
        this.frequency = hz;
    }

    /** Presses keys (RFC 4733), one after the other, between the audio packets. */
    void press(String digits) {
        digits.chars().forEach(c -> keys.add((char) c));
    }

    /** @return the RMS level of the last {@code window} received */
    double level(Duration window) {
        return Audio.rms(last(window));
    }

    /** @return the amplitude of {@code hz} in the last {@code window} received */
    double tone(double hz, Duration window) {
        return Audio.goertzel(last(window), hz);
    }

    synchronized short[] last(Duration window) {
        int n = (int) Math.min(Math.min(window.toMillis() * 8, RING), heardCount);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = heard[(int) ((heardCount - n + i) % RING)];
        }
        return out;
    }

    /** Puts the call this phone answered on hold and stops sending. */
    @Override
    public void holdAnswered() {
        frequency = 0;
        super.holdAnswered();
    }

    @Override
    protected synchronized void onAudio(byte[] buf, int length) {
        for (int i = 12; i < length; i++) {
            heard[(int) (heardCount++ % RING)] = Audio.linear(buf[i]);
        }
    }

    /** One packet every 20 ms: the tone, or a key's telephone-event packets (5 + 3 end packets). */
    @Override
    protected void tick(InetSocketAddress to) {
        if (to != null) {
            if (key == null && keyPacket == 0) {
                key = keys.poll();
                keyTs = ts;
            }
            int length;
            if (key != null) {
                length = 16;
                boolean end = keyPacket >= 5;
                packet[1] = (byte) ((keyPacket == 0 ? 0x80 : 0) | 101);
                put32(packet, 4, keyTs);
                packet[12] = (byte) event(key);
                packet[13] = (byte) ((end ? 0x80 : 0) | 10);
                int duration = Math.min(8, keyPacket + 1) * 160;
                packet[14] = (byte) (duration >> 8);
                packet[15] = (byte) duration;
                if (++keyPacket == 8) {
                    key = null;
                    keyPacket = -5; // 100 ms of audio before the next key
                }
            } else {
                length = 172;
                packet[1] = 0;
                put32(packet, 4, ts);
                double f = frequency;
                for (int i = 0; i < 160; i++) {
                    double s = f <= 0 ? 0 : 6000 * Math.sin(2 * Math.PI * f * (phase + i) / 8000);
                    packet[12 + i] = Audio.ulaw((short) s);
                }
                if (keyPacket < 0) {
                    keyPacket++;
                }
            }
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            sendRtp(packet, length, to);
            seq++;
        }
        ts += 160;
        phase += 160;
    }

    private static int event(char key) {
        return switch (key) {
            case '*' -> 10;
            case '#' -> 11;
            default -> key - '0';
        };
    }

    private static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }
}

package org.switchboard.media.internal.dtmf;

/**
 * Turns RFC 4733 packets into one digit per key press. An event is identified by its RTP
 * timestamp: the end packets (sent three times) and retransmissions of the same event are
 * suppressed, and an event whose end packets were all lost is reported when the next begins.
 */
public final class DtmfReceiver {

    /** Receives digits. */
    @FunctionalInterface
    public interface Listener {
        void digit(char digit, int durationSamples);
    }

    private final Listener listener;
    private long currentTs = -1;
    private int currentEvent = -1;
    private int currentDuration;
    private boolean reported;
    private long duplicates;

    public DtmfReceiver(Listener listener) {
        this.listener = listener;
    }

    /** A telephone-event payload with its packet's RTP timestamp. */
    public void receive(long timestamp, byte[] b, int off, int len) {
        if (len < TelephoneEvent.LENGTH) {
            return;
        }
        int event = TelephoneEvent.event(b, off);
        boolean end = TelephoneEvent.end(b, off);
        int duration = TelephoneEvent.duration(b, off);
        if (timestamp != currentTs) {
            if (currentTs >= 0 && !reported) {
                report();
            }
            currentTs = timestamp;
            currentEvent = event;
            reported = false;
        } else if (reported) {
            duplicates++;
            return;
        }
        currentDuration = Math.max(currentDuration, duration);
        if (end) {
            report();
        }
    }

    /** @return end packets and retransmissions ignored */
    public long duplicates() {
        return duplicates;
    }

    private void report() {
        reported = true;
        char digit = TelephoneEvent.digit(currentEvent);
        int duration = currentDuration;
        currentDuration = 0;
        if (digit != 0) {
            listener.digit(digit, duration);
        }
    }
}

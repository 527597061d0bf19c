package org.switchboard.api.media;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The media of one call leg as an application uses it: play, collect digits, record, tap,
 * echo, and the leg's state. A leg lives until the call ends (the SIP side closes its
 * {@link SignalledLeg}) or its peer stops sending (RTP timeout), and then it fires its
 * {@link #onEnded} listeners. What the SIP side needs (SDP, DTMF from SIP INFO, closing) is in
 * {@link SignalledLeg}.
 */
@ProviderType
public interface MediaLeg {

    /** @return a unique id, for logs */
    String id();

    /** @return the negotiated audio codec, or null while our offer is unanswered */
    Codec codec();

    /** @return the direction we send and receive in, as negotiated */
    MediaDirection direction();

    /** @return packet and jitter statistics */
    MediaStats stats();

    /**
     * @param listener called on an engine thread with every DTMF digit the peer sends
     *     (RFC 4733 events once per key press, and digits given to {@link SignalledLeg#injectDtmf}). The
     *     first listener of a leg also gets the digits (up to 32) that came before it, so an
     *     application that subscribes when it starts misses none pressed right after the answer
     * @return removes the listener
     */
    Subscription onDtmf(Consumer<DtmfEvent> listener);

    /**
     * @param listener called once, on an engine thread, when the leg ends; at once if it has
     * @return removes the listener
     */
    Subscription onEnded(Consumer<LegEndReason> listener);

    /**
     * Sends digits to the peer as RFC 4733 telephone-events (when negotiated).
     *
     * @param digits 0-9, *, #, A-D
     * @param duration how long each is pressed
     * @return completes when the last digit has been sent
     */
    MediaOperation<Void> sendDtmf(String digits, Duration duration);

    /**
     * Plays prompts one after the other. Only one playback runs on a leg at a time: a new one
     * stops the previous one. Playback replaces what the leg would otherwise send (bridge,
     * conference) while it runs.
     *
     * @param prompts WAV files (8 or 16 kHz mono 16-bit PCM), blobs or silences
     * @param bargeIn whether a DTMF digit stops it (the digit stays available to the next
     *     {@link #collectDigits})
     * @return the operation; its result says why it ended
     */
    MediaOperation<PlayResult> play(List<AudioRef> prompts, boolean bargeIn);

    /**
     * Collects DTMF digits. Digits that arrived since the last collection (for example the one
     * that interrupted a prompt) count first.
     *
     * @param options how many digits, the timeouts and the terminator
     * @return the operation; its result holds the digits and why collection ended
     */
    MediaOperation<DigitResult> collectDigits(DigitOptions options);

    /**
     * Records what the peer sends into a WAV file (mono 16-bit PCM at 8 kHz).
     *
     * @param options where to, and when to stop
     * @return the operation; its result holds the length and why recording ended
     */
    MediaOperation<RecordResult> record(RecordOptions options);

    /**
     * Forks the decoded audio of this leg, both what it receives and what it sends, to a
     * consumer (agent assist, speech recognition). The consumer runs on the media clock thread
     * every 20 ms and must return quickly.
     *
     * @param sampleRate 8000 or 16000
     * @param consumer receives one frame per direction every 20 ms
     * @return the tap; {@link MediaOperation#stop()} removes it
     */
    MediaOperation<Void> tap(int sampleRate, Consumer<AudioFrame> consumer);

    /**
     * Sends back what the peer sends (echo test), until stopped or until the leg joins a
     * bridge or conference.
     *
     * @return the operation
     */
    MediaOperation<Void> echo();
}

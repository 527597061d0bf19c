package org.switchboard.api.media;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The media of one call leg, terminated by the engine. A leg lives until {@link #close()} or
 * until its peer stops sending (RTP timeout), and then it fires its {@link #onEnded} listeners.
 */
@ProviderType
public interface MediaLeg extends AutoCloseable {

    /** @return a unique id, for logs */
    String id();

    /** @return our current SDP: the answer to the last offer, or our offer while unanswered */
    String localSdp();

    /**
     * Applies a new SDP of the peer: the answer to our offer, or a new offer in a re-INVITE
     * (hold: {@code sendonly} or {@code inactive}; resume: {@code sendrecv}; a new address).
     *
     * @param remoteSdp the peer's SDP
     * @return our SDP to send back (the new answer, or the unchanged offer once answered)
     * @throws MediaException with status 488 if the SDP is not acceptable
     */
    String update(String remoteSdp);

    /** @return the negotiated audio codec, or null while our offer is unanswered */
    Codec codec();

    /** @return the direction we send and receive in, as negotiated */
    MediaDirection direction();

    /** @return packet and jitter statistics */
    MediaStats stats();

    /**
     * @param listener called on an engine thread with every DTMF digit the peer sends
     *     (RFC 4733 events once per key press, and digits given to {@link #injectDtmf}). The
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
     * Feeds a digit that arrived outside the media, such as a SIP INFO, as if it came in RTP.
     *
     * @param digit 0-9, *, #, A-D
     * @param duration how long it was pressed
     */
    void injectDtmf(char digit, Duration duration);

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

    /** Ends the leg: frees its port and stops every operation on it. */
    @Override
    void close();
}

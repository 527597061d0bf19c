package org.switchboard.sip.internal.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.switchboard.api.call.CallTaps;
import org.switchboard.api.call.PartyFrame;
import org.switchboard.api.media.AudioFrame;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;

/**
 * Taps of the calls hosted for applications, whose media the platform anchors: a tap on the
 * caller's leg, where what the leg receives is the caller's voice and what it sends is what the
 * caller hears (the bridged user or agent, or the application's prompts).
 */
public final class HostedCallTaps implements CallTaps {
    private final AppHost host;

    public HostedCallTaps(AppHost host) {
        this.host = host;
    }

    @Override
    public List<String> anchoredCalls() {
        return host.calls().stream().map(HostedCall::callId).toList();
    }

    @Override
    public Optional<MediaOperation<Void>> tap(String callId, int sampleRate, Consumer<PartyFrame> frames) {
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("taps deliver 8000 or 16000 Hz, not " + sampleRate);
        }
        HostedCall call = host.byCallId(callId);
        MediaLeg leg = call == null ? null : call.leg();
        if (leg == null) {
            return Optional.empty();
        }
        return Optional.of(leg.tap(sampleRate, f -> frames.accept(new PartyFrame(
                f.direction() == AudioFrame.Direction.RECEIVED ? PartyFrame.Party.CALLER : PartyFrame.Party.CALLED, f))));
    }
}

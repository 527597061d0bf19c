// WebRTC diagnostics from inside the page, the way chrome://webrtc-internals shows them: every
// RTCPeerConnection the page creates is remembered (an init script wraps the constructor) and
// its getStats() is summarised: ICE and DTLS state, the selected candidate pair, the SRTP
// cipher, the codec and the RTP counters. Used by the scenarios that talk to the platform's
// own media engine (echo, meetings), where a failure is most often ICE, DTLS or SRTP.

/** Installs the RTCPeerConnection spy in a browser context; call before the page loads. */
export async function installPcSpy(context) {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    if (!Native || window.__sbPcs) return;
    window.__sbPcs = [];
    const Wrapped = function (...args) {
      const pc = new Native(...args);
      window.__sbPcs.push(pc);
      return pc;
    };
    Wrapped.prototype = Native.prototype;
    Object.setPrototypeOf(Wrapped, Native);
    window.RTCPeerConnection = Wrapped;
  });
}

/** Summarises the getStats() of every peer connection of a page (the latest last). */
export async function pcReport(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const pc of window.__sbPcs || []) {
      const r = {
        signalingState: pc.signalingState,
        iceConnectionState: pc.iceConnectionState,
        connectionState: pc.connectionState,
      };
      try {
        const stats = await pc.getStats();
        const byId = new Map();
        stats.forEach((s) => byId.set(s.id, s));
        stats.forEach((s) => {
          if (s.type === 'transport') {
            r.dtlsState = s.dtlsState;
            r.dtlsRole = s.dtlsRole;
            r.srtpCipher = s.srtpCipher;
            r.tlsVersion = s.tlsVersion;
            r.dtlsCipher = s.dtlsCipher;
            const pair = byId.get(s.selectedCandidatePairId);
            if (pair) {
              const l = byId.get(pair.localCandidateId);
              const rc = byId.get(pair.remoteCandidateId);
              r.selectedPair = {
                state: pair.state,
                nominated: pair.nominated,
                local: l && `${l.address}:${l.port} ${l.candidateType}`,
                remote: rc && `${rc.address}:${rc.port} ${rc.candidateType}`,
                requestsSent: pair.requestsSent,
                responsesReceived: pair.responsesReceived,
              };
            }
          } else if (s.type === 'candidate-pair' && !r.pairs) {
            r.pairs = [];
          }
          if (s.type === 'candidate-pair') {
            const l = byId.get(s.localCandidateId);
            const rc = byId.get(s.remoteCandidateId);
            r.pairs.push(`${l && l.address}:${l && l.port} -> ${rc && rc.address}:${rc && rc.port} ${s.state} req ${s.requestsSent} resp ${s.responsesReceived}`);
          } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
            const c = byId.get(s.codecId);
            r.inbound = { packetsReceived: s.packetsReceived, packetsLost: s.packetsLost, jitter: s.jitter, codec: c && c.mimeType, audioLevel: s.audioLevel,
              // NetEq: concealment and time stretching (what a late or bursty sender costs)
              concealedSamples: s.concealedSamples, totalSamplesReceived: s.totalSamplesReceived,
              insertedSamplesForDeceleration: s.insertedSamplesForDeceleration, removedSamplesForAcceleration: s.removedSamplesForAcceleration };
          } else if (s.type === 'remote-inbound-rtp' && s.kind === 'audio') {
            // what the far end's RTCP receiver reports say about our stream (RTT from LSR/DLSR)
            r.remoteInbound = { roundTripTime: s.roundTripTime, roundTripTimeMeasurements: s.roundTripTimeMeasurements,
              packetsLost: s.packetsLost, fractionLost: s.fractionLost, jitter: s.jitter };
          } else if (s.type === 'outbound-rtp' && s.kind === 'audio') {
            const c = byId.get(s.codecId);
            r.outbound = { packetsSent: s.packetsSent, codec: c && c.mimeType };
          }
        });
      } catch (e) {
        r.error = String(e);
      }
      r.localSdp = pc.localDescription && pc.localDescription.sdp;
      r.remoteSdp = pc.remoteDescription && pc.remoteDescription.sdp;
      out.push(r);
    }
    return out;
  });
}

/** The latest peer connection's summary without the SDPs (for one log line). */
export async function pcSummary(page) {
  const all = await pcReport(page);
  const last = all[all.length - 1];
  if (!last) return null;
  const { localSdp, remoteSdp, ...rest } = last;
  return rest;
}

/**
 * Turns Chrome's acoustic echo canceller off for the page's microphone (an init script that
 * adds echoCancellation: false to every getUserMedia audio constraint). For the echo test only:
 * what the platform sends back is the caller's own voice, so the canceller takes the fake
 * microphone's speech for an echo of the loudspeaker and gates it, which has nothing to do with
 * the platform. Call before the page loads.
 */
export async function withoutEchoCancellation(context) {
  await context.addInitScript(() => {
    const md = navigator.mediaDevices;
    if (!md || md.__sbNoAec) return;
    const native = md.getUserMedia.bind(md);
    md.getUserMedia = (constraints = {}) => {
      const c = { ...constraints };
      if (c.audio) c.audio = { ...(typeof c.audio === 'object' ? c.audio : {}), echoCancellation: false };
      return native(c);
    };
    md.__sbNoAec = true;
  });
}

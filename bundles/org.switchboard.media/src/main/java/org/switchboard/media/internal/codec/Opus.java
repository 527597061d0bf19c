package org.switchboard.media.internal.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opus (RFC 6716, RTP payload RFC 7587) through Concentus: the encoder works at the engine's
 * 8 kHz (mono, VOIP application, low complexity, in-band FEC). The decoder works at 8 kHz while
 * the peer sends SILK-only packets (what our {@code maxplaybackrate=8000} asks a browser for);
 * the first hybrid or CELT packet moves it to 48 kHz for good, with a {@link Decimator} down to
 * 8 kHz: Concentus 1.0.2 decodes hybrid packets to silence at any output rate below 48 kHz. The
 * RTP clock is 48 kHz whatever the audio rate (960 per 20 ms). Encoder and decoder keep state, so every leg gets its own instance
 * ({@link #newInstance()}); {@link #OPUS} only describes the codec for negotiation.
 */
public final class Opus implements AudioCodec {
    public static final Opus OPUS = new Opus();
    /** The payload type of our own offers (Chrome's choice; Opus has no static one). */
    public static final int DEFAULT_PAYLOAD_TYPE = 111;
    /**
     * What we ask of the peer's encoder, and tell about ours (RFC 7587): we play and capture 8 kHz,
     * so a browser codes narrowband SILK (fewer bits, cheaper to decode) rather than hybrid.
     */
    public static final String FMTP = "minptime=10;useinbandfec=1;maxplaybackrate=8000;sprop-maxcapturerate=8000";
    static final int RATE = 8000;
    static final int COMPLEXITY = 2;
    static final int BITRATE = 16_000;
    private static final Logger LOG = LoggerFactory.getLogger(Opus.class);
    static final int DECODE_RATE = 48_000;
    /** The longest Opus packet decodes to 120 ms. */
    private static final int MAX_FRAME = DECODE_RATE * 120 / 1000;

    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private boolean wideDecoder;
    private short[] scratch;
    private Decimator decimator;
    private boolean warned;

    private Opus() {
    }

    @Override
    public AudioCodec newInstance() {
        return new Opus();
    }

    @Override
    public String name() {
        return "opus";
    }

    /** ~300x PCMU per frame: on the codec workers, not the clock. */
    @Override
    public boolean expensive() {
        return true;
    }

    @Override
    public int payloadType() {
        return DEFAULT_PAYLOAD_TYPE;
    }

    @Override
    public int clockRate() {
        return 48_000;
    }

    @Override
    public String rtpmap() {
        return "opus/48000/2";
    }

    @Override
    public String fmtp() {
        return FMTP;
    }

    @Override
    public int encode(short[] pcm, int samples, byte[] out, int outOff) {
        try {
            return encoder().encode(pcm, 0, samples, out, outOff, Math.min(out.length - outOff, 1275));
        } catch (OpusException | RuntimeException e) {
            warnOnce("encode", e);
            return 0;
        }
    }

    @Override
    public int decode(byte[] in, int off, int len, short[] pcm) {
        return decode(in, off, len, pcm, false);
    }

    /** A lost packet: the next one's in-band FEC if it is at hand, else Opus's own concealment. */
    @Override
    public int conceal(byte[] next, int off, int len, short[] pcm) {
        return next != null && len > 0 ? decode(next, off, len, pcm, true) : decode(null, 0, 0, pcm, false);
    }

    private int decode(byte[] in, int off, int len, short[] pcm, boolean fec) {
        try {
            if (scratch == null) {
                scratch = new short[MAX_FRAME];
            }
            OpusDecoder d = decoder(in != null && len > 0 && !silkOnly(in[off]));
            int factor = wideDecoder ? Decimator.FACTOR : 1;
            int frame = fec || in == null ? pcm.length * factor : MAX_FRAME / (Decimator.FACTOR / factor);
            int n = d.decode(in, off, len, scratch, 0, frame, fec);
            int copied;
            if (wideDecoder) {
                copied = decimator.process(scratch, n, pcm);
            } else {
                copied = Math.min(n, pcm.length);
                System.arraycopy(scratch, 0, pcm, 0, copied);
            }
            java.util.Arrays.fill(pcm, copied, pcm.length, (short) 0);
            return copied;
        } catch (OpusException | RuntimeException e) {
            warnOnce("decode", e);
            java.util.Arrays.fill(pcm, (short) 0);
            return pcm.length;
        }
    }

    private OpusEncoder encoder() throws OpusException {
        if (encoder == null) {
            OpusEncoder e = new OpusEncoder(RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            e.setComplexity(COMPLEXITY);
            e.setBitrate(BITRATE);
            e.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            e.setUseInbandFEC(true);
            e.setPacketLossPercent(5);
            encoder = e;
        }
        return encoder;
    }

    /** @param wide whether the packet needs the 48 kHz decoder (hybrid or CELT) */
    private OpusDecoder decoder(boolean wide) throws OpusException {
        if (decoder == null || wide && !wideDecoder) {
            wideDecoder = wide;
            decoder = new OpusDecoder(wide ? DECODE_RATE : RATE, 1);
            decimator = wide ? new Decimator(MAX_FRAME) : null;
        }
        return decoder;
    }

    /** @return whether a packet's TOC byte says SILK only (configurations 0-11, RFC 6716 section 3.1) */
    static boolean silkOnly(byte toc) {
        return ((toc & 0xFF) >> 3) < 12;
    }

    private void warnOnce(String what, Exception e) {
        if (!warned) {
            warned = true;
            LOG.warn("Opus {} failed (the frame is silence; further failures of this leg are not logged): {}", what,
                    e.toString());
        }
    }
}

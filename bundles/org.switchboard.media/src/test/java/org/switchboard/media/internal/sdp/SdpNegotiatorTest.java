package org.switchboard.media.internal.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.api.media.MediaException;
import org.switchboard.media.internal.transport.SecurityAttributes;

class SdpNegotiatorTest {
    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.1", 20000, 1, 0, List.of("PCMU", "PCMA"),
            SecurityAttributes.NONE);

    static String offer(String formats, String... attributes) {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n")
                .append("m=audio 40000 RTP/AVP ").append(formats).append("\r\n");
        for (String a : attributes) {
            b.append("a=").append(a).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void codecFollowsTheOffersOrder() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("8 0 101", "rtpmap:101 telephone-event/8000")), LOCAL);
        assertEquals("PCMA", a.negotiated().codec().name());
        assertTrue(a.sdp().contains("m=audio 20000 RTP/AVP 8 101\r\n"), a.sdp());
        assertEquals("PCMU", SdpNegotiator.answer(Sdp.parse(offer("0 8")), LOCAL).negotiated().codec().name());
    }

    /** Chromium's audio formats (as captured in ChromeInteropTest): Opus, RED, G722, PCMU, PCMA, CN, two telephone-events. */
    private static final String[] CHROME = {"rtpmap:111 opus/48000/2", "fmtp:111 minptime=10;useinbandfec=1",
        "rtpmap:63 red/48000/2", "fmtp:63 111/111", "rtpmap:9 G722/8000", "rtpmap:0 PCMU/8000", "rtpmap:8 PCMA/8000",
        "rtpmap:13 CN/8000", "rtpmap:110 telephone-event/48000", "rtpmap:126 telephone-event/8000", "rtcp-mux"};
    private static final LocalMedia ALL = new LocalMedia("192.0.2.1", 20000, 1, 0, List.of("opus", "PCMU", "PCMA"),
            SecurityAttributes.NONE);

    @Test
    void chromesOfferGetsOpusWithTheOfferersPayloadTypeAndThe48kHzTelephoneEvent() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("111 63 9 0 8 13 110 126", CHROME)), ALL);
        assertEquals("opus", a.negotiated().codec().name());
        assertEquals(111, a.negotiated().payloadType());
        assertEquals(110, a.negotiated().telephoneEvent());
        assertEquals(48_000, a.negotiated().clockRate());
        assertTrue(a.sdp().contains("m=audio 20000 RTP/AVP 111 110\r\n"), a.sdp());
        assertTrue(a.sdp().contains("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1;maxplaybackrate=8000;sprop-maxcapturerate=8000\r\n"), a.sdp());
        assertTrue(a.sdp().contains("a=rtpmap:110 telephone-event/48000\r\n"), a.sdp());
    }

    @Test
    void withoutOpusEnabledChromeGetsPcmuAndA_G711PhoneAlways() {
        var chrome = SdpNegotiator.answer(Sdp.parse(offer("111 63 9 0 8 13 110 126", CHROME)), LOCAL);
        assertEquals("PCMU", chrome.negotiated().codec().name());
        assertEquals(126, chrome.negotiated().telephoneEvent());
        var phone = SdpNegotiator.answer(Sdp.parse(offer("0 8 101", "rtpmap:101 telephone-event/8000")), ALL);
        assertEquals("PCMU", phone.negotiated().codec().name());
        assertEquals(101, phone.negotiated().telephoneEvent());
        assertFalse(phone.sdp().contains("opus"), phone.sdp());
    }

    @Test
    void opusAtAnotherClockRateIsNotOpus() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("96 0", "rtpmap:96 opus/16000")), ALL);
        assertEquals("PCMU", a.negotiated().codec().name());
    }

    @Test
    void ourOfferListsTheEnabledCodecsWithATelephoneEventPerClockRate() {
        String plain = SdpNegotiator.offer(ALL, "RTP/AVP", MediaDirection.SENDRECV);
        assertTrue(plain.contains("m=audio 20000 RTP/AVP 0 8 101\r\n"), "no Opus for SIP phones: " + plain);
        String sdp = SdpNegotiator.offer(ALL, "UDP/TLS/RTP/SAVPF", MediaDirection.SENDRECV);
        assertTrue(sdp.contains("m=audio 20000 UDP/TLS/RTP/SAVPF 111 0 8 110 101\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:111 opus/48000/2\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:110 telephone-event/48000\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:101 telephone-event/8000\r\n"), sdp);
        var n = SdpNegotiator.applyAnswer(Sdp.parse(offer("111 110", "rtpmap:111 opus/48000/2",
                "rtpmap:110 telephone-event/48000")), List.of("opus", "PCMU", "PCMA"));
        assertEquals(111, n.payloadType());
        assertEquals(110, n.telephoneEvent());
    }

    @Test
    void dynamicPayloadTypesAreRecognisedByRtpmap() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("111 97", "rtpmap:111 opus/48000/2", "rtpmap:97 PCMA/8000")), LOCAL);
        assertEquals(97, a.negotiated().payloadType());
        assertTrue(a.sdp().contains("a=rtpmap:97 PCMA/8000"));
    }

    @Test
    void telephoneEventKeepsTheOfferersPayloadType() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("0 96", "rtpmap:96 telephone-event/8000", "fmtp:96 0-15")), LOCAL);
        assertEquals(96, a.negotiated().telephoneEvent());
        assertTrue(a.sdp().contains("a=rtpmap:96 telephone-event/8000"));
        assertEquals(-1, SdpNegotiator.answer(Sdp.parse(offer("0")), LOCAL).negotiated().telephoneEvent());
    }

    @Test
    void holdDirectionsAreMirrored() {
        assertEquals(MediaDirection.RECVONLY, direction("sendonly"));
        assertEquals(MediaDirection.SENDONLY, direction("recvonly"));
        assertEquals(MediaDirection.INACTIVE, direction("inactive"));
        assertEquals(MediaDirection.SENDRECV, direction("sendrecv"));
        var a = SdpNegotiator.answer(Sdp.parse(offer("0", "sendonly")), LOCAL);
        assertTrue(a.sdp().contains("a=recvonly\r\n"));
    }

    @Test
    void nullAddressHoldStopsSending() {
        var a = SdpNegotiator.answer(Sdp.parse(offer("0").replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0")), LOCAL);
        assertEquals(MediaDirection.RECVONLY, a.negotiated().direction());
        assertNull(a.negotiated().remoteRtp());
    }

    @Test
    void rtcpMuxIsAcceptedWhenOfferedAndRtcpPortOtherwise() {
        var mux = SdpNegotiator.answer(Sdp.parse(offer("0", "rtcp-mux")), LOCAL);
        assertTrue(mux.negotiated().rtcpMux());
        assertEquals(40000, mux.negotiated().remoteRtcp().getPort());
        assertTrue(mux.sdp().contains("a=rtcp-mux"));
        var plain = SdpNegotiator.answer(Sdp.parse(offer("0")), LOCAL);
        assertFalse(plain.negotiated().rtcpMux());
        assertEquals(40001, plain.negotiated().remoteRtcp().getPort());
        assertFalse(plain.sdp().contains("a=rtcp-mux"));
        var explicit = SdpNegotiator.answer(Sdp.parse(offer("0", "rtcp:50001 IN IP4 198.51.100.9")), LOCAL);
        assertEquals("198.51.100.9", explicit.negotiated().remoteRtcp().getHostString());
    }

    @Test
    void noCommonCodecIs488() {
        var e = assertThrows(MediaException.class, () -> SdpNegotiator.answer(Sdp.parse(offer("18 9")), LOCAL));
        assertEquals(488, e.sipStatus());
    }

    @Test
    void videoIsRejectedAndIceDtlsAttributesAreRead() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\na=fingerprint:sha-256 AB:CD\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 203.0.113.5\r\na=mid:0\r\na=ice-ufrag:abcd\r\n"
                + "a=ice-pwd:secretsecretsecret\r\na=setup:actpass\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                + "a=candidate:1 1 udp 2122260223 203.0.113.5 54321 typ host\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n";
        var a = SdpNegotiator.answer(Sdp.parse(sdp), LOCAL);
        SecurityAttributes s = a.negotiated().remoteSecurity();
        assertEquals("abcd", s.iceUfrag());
        assertEquals("sha-256 AB:CD", s.fingerprint());
        assertEquals("actpass", s.setup());
        assertEquals(1, s.candidates().size());
        assertEquals("0", a.negotiated().mid());
        assertTrue(a.sdp().contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n"), a.sdp());
        assertTrue(a.sdp().contains("a=group:BUNDLE 0\r\n"));
        assertTrue(a.sdp().contains("m=audio 20000 UDP/TLS/RTP/SAVPF 0"));
    }

    @Test
    void ourOfferListsCodecsAndItsAnswerIsApplied() {
        String offer = SdpNegotiator.offer(LOCAL, "RTP/AVP", MediaDirection.SENDRECV);
        assertTrue(offer.contains("m=audio 20000 RTP/AVP 0 8 101\r\n"), offer);
        assertTrue(offer.contains("a=rtcp-mux"));
        var n = SdpNegotiator.applyAnswer(Sdp.parse(offer("8 101", "rtpmap:101 telephone-event/8000")), List.of("PCMU", "PCMA"));
        assertEquals("PCMA", n.codec().name());
        assertEquals(101, n.telephoneEvent());
    }

    private static MediaDirection direction(String attribute) {
        return SdpNegotiator.answer(Sdp.parse(offer("0", attribute)), LOCAL).negotiated().direction();
    }
}

package org.switchboard.media.internal.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfTest {

    @Test
    void payloadRoundTrip() {
        byte[] b = new byte[4];
        TelephoneEvent.write(b, 0, TelephoneEvent.code('#'), true, 10, 1600);
        assertEquals(11, TelephoneEvent.event(b, 0));
        assertTrue(TelephoneEvent.end(b, 0));
        assertEquals(10, TelephoneEvent.volume(b, 0));
        assertEquals(1600, TelephoneEvent.duration(b, 0));
        assertEquals('#', TelephoneEvent.digit(11));
        assertEquals('D', TelephoneEvent.digit(TelephoneEvent.code('d')));
        assertEquals(-1, TelephoneEvent.code('x'));
    }

    @Test
    void receiverReportsOneDigitPerEventDespiteRepeatedEndPackets() {
        List<String> digits = new ArrayList<>();
        DtmfReceiver r = new DtmfReceiver((d, dur) -> digits.add(d + ":" + dur));
        byte[] b = new byte[4];
        for (int dur = 160; dur <= 800; dur += 160) {
            TelephoneEvent.write(b, 0, 5, false, 10, dur);
            r.receive(1000, b, 0, 4);
        }
        TelephoneEvent.write(b, 0, 5, true, 10, 960);
        for (int i = 0; i < 3; i++) {
            r.receive(1000, b, 0, 4);
        }
        assertEquals(List.of("5:960"), digits);
        assertEquals(2, r.duplicates());
    }

    @Test
    void eventWhoseEndWasLostIsReportedWhenTheNextBegins() {
        List<Character> digits = new ArrayList<>();
        DtmfReceiver r = new DtmfReceiver((d, dur) -> digits.add(d));
        byte[] b = new byte[4];
        TelephoneEvent.write(b, 0, 1, false, 10, 160);
        r.receive(1000, b, 0, 4);
        TelephoneEvent.write(b, 0, 2, false, 10, 160);
        r.receive(5000, b, 0, 4);
        TelephoneEvent.write(b, 0, 2, true, 10, 320);
        r.receive(5000, b, 0, 4);
        assertEquals(List.of('1', '2'), digits);
    }

    @Test
    void senderEmitsMarkerUpdatesAndThreeEnds() {
        DtmfSender s = new DtmfSender();
        s.queue('9', 100);
        byte[] b = new byte[4];
        List<String> packets = new ArrayList<>();
        while (s.active()) {
            if (s.next(b, 0, 160)) {
                packets.add((s.marker() ? "M" : "") + TelephoneEvent.event(b, 0) + (TelephoneEvent.end(b, 0) ? "E" : "")
                        + TelephoneEvent.duration(b, 0));
            }
        }
        assertEquals(List.of("M9160", "9320", "9480", "9640", "9E800", "9E800", "9E800"), packets);
        assertFalse(s.active());
    }

    @Test
    void senderAndReceiverAgree() {
        DtmfSender s = new DtmfSender();
        s.queue('1', 60);
        s.queue('2', 60);
        List<Character> digits = new ArrayList<>();
        DtmfReceiver r = new DtmfReceiver((d, dur) -> digits.add(d));
        byte[] b = new byte[4];
        long ts = 0;
        long eventTs = 0;
        while (s.active()) {
            if (s.next(b, 0, 160)) {
                if (s.marker()) {
                    eventTs = ts;
                }
                r.receive(eventTs, b, 0, 4);
            }
            ts += 160;
        }
        assertEquals(List.of('1', '2'), digits);
    }
}

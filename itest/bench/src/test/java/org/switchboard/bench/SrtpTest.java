package org.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SrtpTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void keyDerivationMatchesRfc3711AppendixB3() throws Exception {
        byte[] key = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", HEX.formatHex(Srtp.derive(key, salt, 0, 16)));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", HEX.formatHex(Srtp.derive(key, salt, 2, 14)));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", HEX.formatHex(Srtp.derive(key, salt, 1, 20)));
    }

    @Test
    void roundTripAcrossASequenceWrapAndRejectsATamperedPacket() {
        byte[] key = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");
        Srtp out = new Srtp(key, salt);
        Srtp in = new Srtp(key, salt);
        for (int n = 0; n < 5; n++) {
            int seq = (0xFFFE + n) & 0xFFFF;
            byte[] rtp = new byte[12 + 160 + Srtp.TAG];
            rtp[0] = (byte) 0x80;
            rtp[2] = (byte) (seq >>> 8);
            rtp[3] = (byte) seq;
            rtp[11] = 7;
            for (int i = 0; i < 160; i++) {
                rtp[12 + i] = (byte) (i + n);
            }
            byte[] clear = Arrays.copyOf(rtp, 172);
            int len = out.protect(rtp, 0, 172);
            assertEquals(182, len);
            byte[] copy = rtp.clone();
            copy[20] ^= 1;
            assertEquals(-1, new Srtp(key, salt).unprotect(copy, 0, len, 16));
            assertEquals(172, in.unprotect(rtp, 0, len, 40));
            assertArrayEquals(Arrays.copyOf(clear, 12 + 40), Arrays.copyOf(rtp, 12 + 40));
        }
    }
}

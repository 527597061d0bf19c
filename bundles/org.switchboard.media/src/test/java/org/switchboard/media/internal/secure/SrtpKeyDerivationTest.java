package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3711 appendix B.2 (AES-CM keystream) and B.3 (key derivation). */
class SrtpKeyDerivationTest {
    private static final byte[] MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void cipherKeyMatchesB3() {
        byte[] key = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_ENCRYPTION, 16);
        assertEquals("C61E7A93744F39EE10734AFE3FF7A087", Hex.hex(key, 0, 16));
    }

    @Test
    void cipherSaltMatchesB3() {
        byte[] salt = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_SALT, 14);
        assertEquals("30CBBC08863D8C85D49DB34A9AE1", Hex.hex(salt, 0, 14));
    }

    @Test
    void authKeyMatchesB3() {
        byte[] auth = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_AUTH, 94);
        assertEquals("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
                + "E049646C43D9327AD175578EF7227098" + "6371C10C9A369AC2F94A8C5FBCDDDC25"
                + "6D6E919A48B610EF17C2041E47403576" + "6B68642C59BBFC2F34DB60DBDFB2", Hex.hex(auth, 0, 94));
    }

    @Test
    void keystreamMatchesB2() {
        AesCmHmac cm = new AesCmHmac(Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C"),
                Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        byte[] stream = new byte[0xFF02 * 16];
        cm.crypt(stream, 0, stream.length, 0, 0);
        assertEquals("E03EAD0935C95E80E166B16DD92B4EB4", Hex.hex(stream, 0, 16));
        assertEquals("D23513162B02D0F72A43A2FE4A5F97AB", Hex.hex(stream, 16, 16));
        assertEquals("41E95B3BB0A2E8DD477901E4FCA894C0", Hex.hex(stream, 32, 16));
        assertEquals("EC8CDF7398607CB0F2D21675EA9EA1E4", Hex.hex(stream, 0xFEFF * 16, 16));
        assertEquals("362B7C3C6773516318A077D7FC5073AE", Hex.hex(stream, 0xFF00 * 16, 16));
        assertEquals("6A2CC3787889374FBEB4C81B17BA6C44", Hex.hex(stream, 0xFF01 * 16, 16));
    }
}

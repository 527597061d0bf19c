package org.switchboard.media.internal.secure;

/** A master key and salt for one direction of one SRTP session, with the profile they are for. */
public record SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {
    public SrtpMasterKey {
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException("key/salt length does not match " + profile);
        }
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[" + profile + "]"; // never log key material
    }
}

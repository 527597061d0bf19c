package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;

/** The SRTP master keys a DTLS-SRTP handshake yields (RFC 5764 section 4.2), from this side's view. */
public record DtlsSrtpKeys(SrtpMasterKey local, SrtpMasterKey remote) {

    /** use_srtp profiles in our order of preference: the test-vector-proven AES-CM first, as Chrome accepts. */
    static final int[] OFFERED = {
        SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
        SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
        SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32,
    };

    /** Exports "EXTRACTOR-dtls_srtp": client key, server key, client salt, server salt. */
    static DtlsSrtpKeys export(TlsContext context, SrtpProfile profile, boolean client) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] m = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, 2 * (k + s));
        SrtpMasterKey clientKey = new SrtpMasterKey(profile, Arrays.copyOfRange(m, 0, k),
                Arrays.copyOfRange(m, 2 * k, 2 * k + s));
        SrtpMasterKey serverKey = new SrtpMasterKey(profile, Arrays.copyOfRange(m, k, 2 * k),
                Arrays.copyOfRange(m, 2 * k + s, 2 * k + 2 * s));
        Arrays.fill(m, (byte) 0);
        return client ? new DtlsSrtpKeys(clientKey, serverKey) : new DtlsSrtpKeys(serverKey, clientKey);
    }

    /** Refuses the handshake unless the peer's end-entity certificate matches the SDP fingerprint. */
    static void verifyPeer(Certificate certificate, DtlsFingerprint expected) throws IOException {
        if (certificate == null || certificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer sent no certificate");
        }
        if (expected == null || !expected.matches(certificate.getCertificateAt(0).getEncoded())) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "certificate does not match a=fingerprint");
        }
    }
}

package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A plain BouncyCastle DTLS 1.2 client written independently of the production peers, playing a
 * browser: it offers use_srtp like Chrome (GCM and AES-CM-80), sends its own ECDSA certificate and
 * records what the server sent, and exports the SRTP keys itself.
 */
final class BrowserLikeDtlsClient extends DefaultTlsClient {
    private final DtlsCredentials credentials;
    volatile Certificate serverCertificate;
    volatile byte[] keyingMaterial;
    volatile int chosenProfile;

    BrowserLikeDtlsClient(DtlsIdentity identity) {
        this(new BcTlsCrypto(new SecureRandom()), identity);
    }

    private BrowserLikeDtlsClient(BcTlsCrypto crypto, DtlsIdentity identity) {
        super(crypto);
        this.credentials = new DtlsCredentials(crypto, identity);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable ext = super.getClientExtensions();
        TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(new int[] {
            SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80},
            TlsUtils.EMPTY_BYTES));
        return ext;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        chosenProfile = TlsSRTPUtils.getUseSRTPExtension(serverExtensions).getProtectionProfiles()[0];
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate c) {
                serverCertificate = c.getCertificate();
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return credentials.signer(context);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, 60);
    }

    /** This client's view: local = client write key/salt, remote = server write key/salt (AES-CM layout). */
    DtlsSrtpKeys keys() {
        byte[] m = keyingMaterial;
        SrtpProfile p = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        return new DtlsSrtpKeys(new SrtpMasterKey(p, Arrays.copyOfRange(m, 0, 16), Arrays.copyOfRange(m, 32, 46)),
                new SrtpMasterKey(p, Arrays.copyOfRange(m, 16, 32), Arrays.copyOfRange(m, 46, 60)));
    }
}

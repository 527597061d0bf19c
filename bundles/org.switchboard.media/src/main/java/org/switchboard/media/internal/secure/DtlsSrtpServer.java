package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The DTLS server side (we are {@code a=setup:passive}): use_srtp, mutual auth pinned by fingerprint. */
final class DtlsSrtpServer extends DefaultTlsServer {
    private final DtlsCredentials credentials;
    private final DtlsFingerprint remoteFingerprint;
    private final Consumer<DtlsSrtpKeys> onKeys;
    private SrtpProfile profile;

    DtlsSrtpServer(BcTlsCrypto crypto, DtlsIdentity identity, DtlsFingerprint remoteFingerprint,
            Consumer<DtlsSrtpKeys> onKeys) {
        super(crypto);
        this.credentials = new DtlsCredentials(crypto, identity);
        this.remoteFingerprint = remoteFingerprint;
        this.onKeys = onKeys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsCredentials.ECDSA_SUITES;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return DtlsCredentials.HANDSHAKE_TIMEOUT_MILLIS;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return credentials.signer(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        DtlsSrtpKeys.verifyPeer(clientCertificate, remoteFingerprint);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered != null) {
            for (int ours : DtlsSrtpKeys.OFFERED) {
                for (int theirs : offered.getProtectionProfiles()) {
                    if (profile == null && ours == theirs) {
                        profile = SrtpProfile.byDtlsId(ours);
                    }
                }
            }
        }
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common use_srtp profile");
        }
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {profile.dtlsId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        onKeys.accept(DtlsSrtpKeys.export(context, profile, false));
    }
}

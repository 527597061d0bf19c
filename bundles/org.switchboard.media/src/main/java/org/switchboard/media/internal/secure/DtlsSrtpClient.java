package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The DTLS client side (we are {@code a=setup:active}): offers use_srtp, pins the server by fingerprint. */
final class DtlsSrtpClient extends DefaultTlsClient {
    private final DtlsCredentials credentials;
    private final DtlsFingerprint remoteFingerprint;
    private final Consumer<DtlsSrtpKeys> onKeys;
    private SrtpProfile profile;

    DtlsSrtpClient(BcTlsCrypto crypto, DtlsIdentity identity, DtlsFingerprint remoteFingerprint,
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
        return DtlsCredentials.CLIENT_SUITES;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return DtlsCredentials.HANDSHAKE_TIMEOUT_MILLIS;
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(DtlsSrtpKeys.OFFERED, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (chosen == null || chosen.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server did not choose one use_srtp profile");
        }
        profile = SrtpProfile.byDtlsId(chosen.getProtectionProfiles()[0]);
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose a profile we did not offer");
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                DtlsSrtpKeys.verifyPeer(serverCertificate.getCertificate(), remoteFingerprint);
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
        onKeys.accept(DtlsSrtpKeys.export(context, profile, true));
    }
}

package org.switchboard.media.internal.secure;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.switchboard.media.internal.transport.DatagramSender;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.PacketSecurityFactory;

/**
 * Makes the security layer of secure legs: {@code UDP/TLS/RTP/SAVP(F)} gets ICE-lite + DTLS-SRTP,
 * {@code RTP/SAVP(F)} gets SDES-SRTP. Owns the per-process DTLS certificate and the small executor
 * that runs DTLS handshakes off the media threads.
 */
@Component(service = PacketSecurityFactory.class)
public final class SecureLegFactory implements PacketSecurityFactory, AutoCloseable {
    private static final int HANDSHAKE_THREADS = 4;
    private static final int MAX_QUEUED_HANDSHAKE_STEPS = 4096;

    private final DtlsIdentity identity;
    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final ExecutorService executor;

    @Activate
    public SecureLegFactory() {
        this(DtlsIdentity.generate());
    }

    public SecureLegFactory(DtlsIdentity identity) {
        this.identity = identity;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(HANDSHAKE_THREADS, HANDSHAKE_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED_HANDSHAKE_STEPS), r -> { // full: that handshake fails
                    Thread t = new Thread(r, "media-dtls-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    public DtlsIdentity identity() {
        return identity;
    }

    @Override
    public boolean supports(String profile) {
        String p = profile.toUpperCase(Locale.ROOT);
        return p.startsWith("UDP/TLS/RTP/SAVP") || p.startsWith("RTP/SAVP");
    }

    @Override
    public PacketSecurity create(String profile, DatagramSender sender) {
        String p = profile.toUpperCase(Locale.ROOT);
        if (p.startsWith("UDP/TLS/RTP/SAVP")) {
            return new DtlsSrtpSecurity(identity, crypto, executor, sender);
        }
        if (p.startsWith("RTP/SAVP")) {
            return new SdesSrtpSecurity();
        }
        throw new IllegalArgumentException("not a secure RTP profile: " + profile);
    }

    @Deactivate
    @Override
    public void close() {
        executor.shutdownNow();
    }
}

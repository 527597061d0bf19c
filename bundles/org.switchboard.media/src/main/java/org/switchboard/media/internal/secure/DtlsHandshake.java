package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.switchboard.media.internal.transport.DatagramSender;

/**
 * One DTLS-SRTP handshake, run on the security executor (never on the media clock or I/O thread).
 * BouncyCastle retransmits flights and enforces the handshake timeout. After the handshake,
 * records that still arrive (a retransmitted final flight, close_notify) are drained on the same
 * executor so that BouncyCastle can answer them.
 */
final class DtlsHandshake {
    private final DtlsRole role;
    private final BcTlsCrypto crypto;
    private final DtlsIdentity identity;
    private final DtlsFingerprint remoteFingerprint;
    private final Executor executor;
    private final QueueDatagramTransport transport;
    private final CompletableFuture<DtlsSrtpKeys> keys = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile DTLSTransport dtls;

    DtlsHandshake(DtlsRole role, BcTlsCrypto crypto, DtlsIdentity identity, DtlsFingerprint remoteFingerprint,
            DatagramSender sender, Supplier<InetSocketAddress> destination, Executor executor) {
        this.role = role;
        this.crypto = crypto;
        this.identity = identity;
        this.remoteFingerprint = remoteFingerprint;
        this.executor = executor;
        this.transport = new QueueDatagramTransport(sender, destination);
    }

    DtlsRole role() {
        return role;
    }

    /** Completes with the SRTP keys, or exceptionally when the handshake fails or times out. */
    CompletableFuture<DtlsSrtpKeys> keys() {
        return keys;
    }

    /** Starts the handshake once; later calls do nothing. */
    void start() {
        if (started.compareAndSet(false, true)) {
            submit(this::run);
        }
    }

    /** A DTLS record from the peer (already demultiplexed and consent-checked). */
    void onRecord(byte[] record) {
        transport.offer(record);
        if (dtls != null && draining.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    void close() {
        transport.close();
        keys.completeExceptionally(new IOException("leg closed"));
        DTLSTransport t = dtls;
        if (t != null) {
            try {
                t.close();
            } catch (IOException ignored) {
                // the leg is gone; nothing to tell the peer
            }
        }
    }

    private void run() {
        try {
            if (role == DtlsRole.CLIENT) {
                dtls = new DTLSClientProtocol().connect(
                        new DtlsSrtpClient(crypto, identity, remoteFingerprint, keys::complete), transport);
            } else {
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                protocol.setVerifyRequests(false); // ICE consent already proves the peer's address
                dtls = protocol.accept(new DtlsSrtpServer(crypto, identity, remoteFingerprint, keys::complete), transport);
            }
            if (transport.hasPending() && draining.compareAndSet(false, true)) {
                drain();
            }
        } catch (IOException | RuntimeException e) {
            keys.completeExceptionally(e);
            transport.close();
        }
    }

    private void drain() {
        byte[] buf = new byte[1500];
        try {
            while (transport.hasPending()) {
                dtls.receive(buf, 0, buf.length, 1); // application data is not used (no data channels)
            }
        } catch (IOException | RuntimeException e) {
            transport.close(); // close_notify or a fatal alert: SRTP keys stay valid until the leg ends
        } finally {
            draining.set(false);
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            keys.completeExceptionally(e);
        }
    }
}

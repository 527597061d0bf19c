package org.switchboard.media.internal.leg;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.switchboard.api.blob.BlobStore;
import org.switchboard.media.internal.codec.CodecWorkers;
import org.switchboard.media.internal.transport.PacketSecurityFactory;
import org.switchboard.media.internal.transport.UdpTransport;

/**
 * What every leg shares with the engine.
 *
 * @param clocks the clock shards (a leg starts on the least loaded one)
 * @param transport sockets and I/O threads
 * @param blocking runs file and blob I/O off the clock thread
 * @param blobs the blob store, or null while none is registered
 * @param rtpTimeout the default RTP timeout
 * @param publicAddress the address written into SDP
 * @param security the security factory for a transport profile, or null if none supports it
 * @param codecs the enabled codec names, in the order of our offers
 * @param codecWorkers the threads that run expensive codecs (Opus) off the clock
 */
public record LegContext(Clocks clocks, UdpTransport transport, Executor blocking, Supplier<BlobStore> blobs,
        Duration rtpTimeout, String publicAddress, Function<String, PacketSecurityFactory> security,
        List<String> codecs, CodecWorkers codecWorkers) {

    /** Expensive codecs run inline, on the clock (tests that tick by hand). */
    public LegContext(Clocks clocks, UdpTransport transport, Executor blocking, Supplier<BlobStore> blobs,
            Duration rtpTimeout, String publicAddress, Function<String, PacketSecurityFactory> security,
            List<String> codecs) {
        this(clocks, transport, blocking, blobs, rtpTimeout, publicAddress, security, codecs, CodecWorkers.inline());
    }
}

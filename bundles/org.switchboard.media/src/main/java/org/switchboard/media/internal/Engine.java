package org.switchboard.media.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.blob.BlobStore;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.api.media.Bridge;
import org.switchboard.api.media.Conference;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.media.internal.codec.CodecWorkers;
import org.switchboard.media.internal.codec.Codecs;
import org.switchboard.media.internal.leg.BridgeImpl;
import org.switchboard.media.internal.leg.ConferenceImpl;
import org.switchboard.media.internal.leg.Leg;
import org.switchboard.media.internal.leg.LegContext;
import org.switchboard.media.internal.leg.Legs;
import org.switchboard.media.internal.leg.Clocks;
import org.switchboard.media.internal.leg.PromptLoader;
import org.switchboard.media.internal.transport.PacketSecurityFactory;
import org.switchboard.media.internal.transport.UdpTransport;

/**
 * The media engine: one port range, a few I/O threads and a 20 ms clock sharded over a few
 * threads (one per core by default): each leg ticks on one shard, a bridge or a room with all
 * its legs.
 * Secure transport profiles come from {@link PacketSecurityFactory} services of this bundle.
 */
@Component(service = MediaEngine.class, configurationPid = "org.switchboard.media")
@Designate(ocd = Engine.Config.class)
public class Engine implements MediaEngine {

    @ObjectClassDefinition(name = "Switchboard media engine", description = "RTP ports, addresses and timeouts")
    @interface Config {
        @AttributeDefinition(description = "Lowest UDP port for RTP/RTCP")
        int port_min() default 20000;

        @AttributeDefinition(description = "Highest UDP port for RTP/RTCP")
        int port_max() default 29999;

        @AttributeDefinition(description = "Address to bind media sockets to; empty for all")
        String bind_address() default "";

        @AttributeDefinition(description = "Address written into SDP (NAT); empty for the bind address or this host's")
        String public_address() default "";

        @AttributeDefinition(description = "Seconds without RTP before a call is considered dead; 0 for never")
        int rtp_timeout_seconds() default 30;

        @AttributeDefinition(description = "I/O threads reading media sockets")
        int io_threads() default 1;

        @AttributeDefinition(description = "Enabled codecs, comma separated, in the order of our offers: opus, PCMU, PCMA")
        String codecs() default Codecs.DEFAULT;

        @AttributeDefinition(description = "Clock threads (shards) ticking the legs every 20 ms; 0 for one per available processor")
        int clock_threads() default 0;

        @AttributeDefinition(description = "Threads encoding and decoding Opus off the clock; 0 for one per available processor")
        int codec_threads() default 0;
    }

    /** The settings, also used by tests without OSGi. */
    public record Settings(int portMin, int portMax, String bindAddress, String publicAddress, Duration rtpTimeout,
            int ioThreads, String codecs, int clockThreads, int codecThreads) {

        /** One clock thread and one codec worker per processor. */
        public Settings(int portMin, int portMax, String bindAddress, String publicAddress, Duration rtpTimeout,
                int ioThreads, String codecs) {
            this(portMin, portMax, bindAddress, publicAddress, rtpTimeout, ioThreads, codecs, 0, 0);
        }

        /** Every codec enabled, one clock thread per processor. */
        public Settings(int portMin, int portMax, String bindAddress, String publicAddress, Duration rtpTimeout,
                int ioThreads) {
            this(portMin, portMax, bindAddress, publicAddress, rtpTimeout, ioThreads, Codecs.DEFAULT);
        }
    }

    private static final int MAX_FILE_JOBS = 4096;
    private final List<PacketSecurityFactory> securities = new CopyOnWriteArrayList<>();
    private final Clocks clocks;
    private final CodecWorkers codecWorkers;
    private final UdpTransport transport;
    private final ExecutorService blocking;
    private final Legs legs;
    private final PromptLoader prompts;
    private volatile BlobStore blobs;

    @Activate
    public Engine(Config config) {
        this(new Settings(config.port_min(), config.port_max(), config.bind_address(), config.public_address(),
                Duration.ofSeconds(config.rtp_timeout_seconds()), config.io_threads(), config.codecs(),
                config.clock_threads(), config.codec_threads()));
    }

    public Engine(Settings settings) {
        InetAddress bind = address(settings.bindAddress());
        String publicAddress = !settings.publicAddress().isBlank() ? settings.publicAddress()
                : !bind.isAnyLocalAddress() ? bind.getHostAddress() : localHost();
        this.transport = new UdpTransport(socketAddress(bind, publicAddress), settings.portMin(), settings.portMax(),
                settings.ioThreads());
        // bounded: a play or a recording that does not fit is refused (RejectedExecutionException) rather than queued
        this.blocking = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_FILE_JOBS), r -> {
            Thread t = new Thread(r, "media-files");
            t.setDaemon(true);
            return t;
        });
        this.clocks = new Clocks(settings.clockThreads());
        this.codecWorkers = new CodecWorkers(settings.codecThreads());
        LegContext ctx = new LegContext(clocks, transport, blocking, () -> blobs, settings.rtpTimeout(), publicAddress,
                profile -> securities.stream().filter(f -> f.supports(profile)).findFirst().orElse(null),
                Codecs.enabled(settings.codecs()), codecWorkers);
        this.legs = new Legs(ctx);
        this.prompts = new PromptLoader(clocks.shard(0), blocking, () -> blobs);
        clocks.start();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBlobStore(BlobStore store) {
        this.blobs = store;
    }

    void unsetBlobStore(BlobStore store) {
        if (this.blobs == store) {
            this.blobs = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSecurity(PacketSecurityFactory factory) {
        securities.add(factory);
    }

    public void removeSecurity(PacketSecurityFactory factory) {
        securities.remove(factory);
    }

    @Override
    public SignalledLeg answer(String offerSdp, LegOptions options) {
        return legs.answer(offerSdp, options);
    }

    @Override
    public SignalledLeg offer(LegOptions options) {
        return legs.offer(options);
    }

    /**
     * Our offer in a transport profile: {@code UDP/TLS/RTP/SAVPF} makes a browser leg (ICE-lite,
     * DTLS-SRTP actpass, BUNDLE, rtcp-mux), {@code RTP/SAVP} an SDES leg, {@code RTP/AVP} plain RTP.
     */
    @Override
    public SignalledLeg offer(LegOptions options, String profile) {
        return legs.offer(options, profile);
    }

    @Override
    public Conference conference(String name) {
        return new ConferenceImpl(name, clocks.leastLoaded(), prompts);
    }

    @Override
    public Bridge bridge(MediaLeg a, MediaLeg b) {
        return new BridgeImpl((Leg) a, (Leg) b);
    }

    /** @return the clock shards (tests) */
    Clocks clocks() {
        return clocks;
    }

    @Deactivate
    public void close() {
        clocks.close();
        codecWorkers.close();
        transport.close();
        blocking.shutdownNow();
    }

    private static InetAddress address(String host) {
        try {
            return host == null || host.isBlank() ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind.address " + host + " is not an address of this host", e);
        }
    }

    /**
     * The address media sockets bind to. Without a bind address, sockets bound to every address
     * answer from whatever source address the kernel picks for the peer: a browser on this host
     * that sends its ICE checks from 192.0.2.2 to the advertised 127.0.0.1 gets the responses
     * from 192.0.2.2, which ICE drops as not symmetric (RFC 8445 7.2.5.2.1), and the call never
     * connects. So when the advertised address belongs to this host, the sockets bind to it:
     * every packet then leaves from the address in our SDP. A public address of a NAT (not
     * local) keeps the wildcard.
     */
    static InetAddress socketAddress(InetAddress bind, String publicAddress) {
        if (!bind.isAnyLocalAddress()) {
            return bind;
        }
        try {
            InetAddress advertised = InetAddress.getByName(publicAddress);
            if (advertised.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(advertised) != null) {
                return advertised;
            }
        } catch (java.io.IOException e) {
            // a name that does not resolve here, or no interface list: keep the wildcard
        }
        return bind;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}

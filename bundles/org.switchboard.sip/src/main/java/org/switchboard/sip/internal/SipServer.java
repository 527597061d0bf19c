package org.switchboard.sip.internal;

import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.ServerTransactions;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.core.StatelessAnswers;
import org.switchboard.sip.internal.core.LocalDomains;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.sip.internal.app.AppHost;
import org.switchboard.sip.internal.app.AppServices;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.UserDirectory;
import org.switchboard.api.event.PlatformEvents;
import org.switchboard.api.location.LocationStore;
import org.switchboard.api.sip.SipDomains;
import org.switchboard.api.sip.handler.SipRequestHandler;
import org.switchboard.api.sip.send.SipSender;
import org.switchboard.api.sip.subscription.EventPackage;
import org.switchboard.api.sip.subscription.Notifier;
import org.switchboard.sip.internal.handler.DeviceSender;
import org.switchboard.sip.internal.handler.PluginRegistry;
import org.switchboard.sip.internal.handler.PluginRequests;
import org.switchboard.sip.internal.handler.SubscribeRules;
import org.switchboard.api.tls.TlsIdentity;
import org.switchboard.sip.internal.auth.Authenticator;
import org.switchboard.api.auth.AuthService;
import org.switchboard.sip.internal.auth.Nonces;
import org.switchboard.sip.internal.proxy.CallRegistry;
import org.switchboard.sip.internal.proxy.Proxy;
import org.switchboard.sip.internal.proxy.TargetResolver;
import org.switchboard.sip.internal.registrar.Registrar;
import org.switchboard.sip.internal.registrar.RegistrarPolicy;
import org.switchboard.sip.internal.overload.OverloadLimits;
import org.osgi.framework.BundleContext;
import org.switchboard.sip.internal.proxy.InboundPolicy;
import org.switchboard.sip.internal.transport.WebSocketOrigins;
import org.switchboard.sip.internal.transport.Listeners;
import org.switchboard.sip.internal.transport.StackProperties;
import org.switchboard.sip.internal.transport.SwitchboardStack;
import org.switchboard.sip.internal.transport.Transport;

/**
 * The SIP server: starts the JAIN-SIP stack on every configured transport and wires the
 * registrar and the proxy to it. A configuration change restarts it; registrations live
 * in the {@link LocationStore} and are kept.
 */
@Component(immediate = true, service = {SipServer.class, SipDomains.class}, configurationPid = "org.switchboard.sip")
@Designate(ocd = SipConfig.class)
public class SipServer implements SipDomains {
    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "WS", "WSS"};

    private final SwitchboardStack stack;
    private final List<Transport> transports = new ArrayList<>();
    private final CallRegistry calls = new CallRegistry(Clock.systemUTC(), this::post);
    private volatile PlatformEvents events;
    private final ScheduledExecutorService timers = timers();
    private final LocalDomains domains;
    private final AppServices services = new AppServices();
    private final PluginRegistry plugins = new PluginRegistry();
    private final List<org.osgi.framework.ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile AppHost host;
    private volatile Listeners listeners;
    private volatile SipHealth health;

    @Activate
    public SipServer(SipConfig config, Map<String, Object> properties, @Reference LocationStore location,
            @Reference UserDirectory directory, @Reference TlsIdentity tls, @Reference AuthService authService,
            BundleContext context) throws Exception {
        SipSettings settings = new SipSettings(properties);
        for (String moved : List.of("auth.failure.limit", "auth.failure.window.seconds", "auth.block.seconds")) {
            if (properties.containsKey(moved)) {
                LOG.warn("{} in etc/org.switchboard.sip.cfg is no longer read: SIP and HTTP share one failure limiter now. "
                        + "Set {} in etc/org.switchboard.auth.cfg instead", moved, moved.substring("auth.".length()));
            }
        }
        long start = System.nanoTime();
        domains = new LocalDomains(ConfigValues.list(config.domains()), config.advertised_address());
        stack = new SwitchboardStack(StackProperties.of("switchboard-" + INSTANCES.incrementAndGet(),
                settings.positive("udp.threads", config::udp_threads, 5), tls), limits(config, settings));
        try {
            SipContext sip = new SipContext(listen(config, settings), new MessageFactoryImpl(), new HeaderFactoryImpl(),
                    new AddressFactoryImpl(), domains, ports(), (org.switchboard.sip.internal.transport.FlowRouter) stack.getRouter());
            Clock clock = Clock.systemUTC();
            Authenticator auth = new Authenticator(config.realm(),
                    new Nonces(Duration.ofSeconds(settings.positive("nonce.ttl.seconds", config::nonce_ttl_seconds, 300)), clock),
                    authService, algorithms(config.auth_algorithms()), ConfigValues.list(config.auth_md5_only_user_agents()).stream()
                            .map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
            Responses responses = new Responses(sip, new StatelessAnswers(
                    settings.number("response.cache.entries", config::response_cache_entries, 0), 32_000, clock::millis));
            int[] expiry = SipSettings.expiryBounds(settings.positive("min.expires", config::min_expires, 60),
                    settings.positive("max.expires", config::max_expires, 3600));
            Registrar registrar = new Registrar(sip, responses, auth, location, new RegistrarPolicy(expiry[0], expiry[1],
                    settings.positive("default.expires", config::default_expires, 3600),
                    settings.positive("max.contacts", config::max_contacts, 10)), clock);
            ServerTransactions transactions = new ServerTransactions(sip, stack);
            TargetResolver resolver = new TargetResolver(sip, location, directory);
            host = new AppHost(sip, responses, transactions, services, timers, resolver, this::post);
            PluginRequests pluginRequests = new PluginRequests(sip, responses, timers, u -> directory.find(u).isPresent(), plugins,
                    new SubscribeRules(expiry[0], expiry[1], settings.positive("subscriptions.max", config::subscriptions_max, 100_000)));
            Proxy proxy = new Proxy(sip, responses, auth, resolver, calls,
                    timers, Duration.ofSeconds(settings.positive("ring.timeout.seconds", config::ring_timeout_seconds, 180)), transactions,
                    new org.switchboard.sip.internal.proxy.FlowToken(FlowTokenKey.load()), host, services::dialPlan,
                    stack.connections(), inboundPolicy(config), pluginRequests);
            gov.nist.javax.sip.stack.WebSocketHttpHandshake.setOriginPolicy(new WebSocketOrigins(domains::isLocal,
                    ConfigValues.list(config.ws_allowed_origins()), System::currentTimeMillis));
            listeners = new Listeners(stack, sip.provider(), transports);
            timers.scheduleWithFixedDelay(listeners::watch, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
            health = new SipHealth(context, transports, listeners, stack.gate());
            sip.provider().addSipListener(new SipDispatcher(sip, responses, registrar, proxy, transactions, host, stack.gate(),
                    stack.malformed(), pluginRequests));
            stack.start();
            registrations.add(context.registerService(org.switchboard.api.call.CallTaps.class,
                    new org.switchboard.sip.internal.app.HostedCallTaps(host), null));
            registrations.add(context.registerService(Notifier.class, pluginRequests.subscriptions(), null));
            registrations.add(context.registerService(SipSender.class, new DeviceSender(sip, resolver,
                    settings.positive("plugin.sends.max", config::plugin_sends_max, 10_000)), null));
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
        try {
            calls.load(callsFile());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not read the calls that were up before the restart from {}: {}", callsFile(), e.toString());
        }
        LOG.info("SIP ready in {} ms on {} (domain {}, realm {})", (System.nanoTime() - start) / 1_000_000,
                transports.stream().map(Transport::uri).toList(), domains.canonical(), config.realm());
    }

    private static OverloadLimits limits(SipConfig c, SipSettings s) {
        return new OverloadLimits(s.positive("udp.queue.messages", c::udp_queue_messages, 4096),
                s.positive("udp.queue.kib", c::udp_queue_kib, 16384) * 1024L,
                s.positive("overload.queue.delay.ms", c::overload_queue_delay_ms, 400),
                transactionLimit(s.number("overload.max.transactions", c::overload_max_transactions, 0)),
                s.positive("overload.max.pending", c::overload_max_pending, 2000),
                s.positive("overload.retry.after.seconds", c::overload_retry_after_seconds, 5),
                s.positive("tcp.max.connections", c::tcp_max_connections, 10000),
                s.positive("tcp.max.connections.per.source", c::tcp_max_connections_per_source, 256),
                s.positive("tcp.silent.seconds", c::tcp_silent_seconds, 30),
                s.positive("overload.heap.percent", c::overload_heap_percent, 80));
    }

    private static InboundPolicy inboundPolicy(SipConfig c) {
        InboundPolicy.Mode mode = InboundPolicy.mode(c.inbound_policy());
        if (mode == null) {
            LOG.error("inbound.policy = '{}' in etc/org.switchboard.sip.cfg is not allow, peers or deny; using deny until it is fixed",
                    c.inbound_policy());
            mode = InboundPolicy.Mode.DENY;
        }
        return new InboundPolicy(mode, ConfigValues.list(c.inbound_peers()));
    }

    private static int transactionLimit(int configured) {
        return configured > 0 ? configured : OverloadLimits.autoTransactions(Runtime.getRuntime().maxMemory());
    }

    /** @return the state of every listener, and what overload control has shed */
    public SwitchboardStack stack() {
        return stack;
    }

    /** One thread for timer C; a cancelled timer leaves the queue at once instead of after 180 s. */
    private static ScheduledExecutorService timers() {
        java.util.concurrent.ScheduledThreadPoolExecutor t = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                r -> new Thread(r, "switchboard-sip-timers"));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private SipProvider listen(SipConfig c, SipSettings settings) throws Exception {
        int[] ports = {settings.port("udp.port", c::udp_port, 5060), settings.port("tcp.port", c::tcp_port, 5060),
            settings.port("tls.port", c::tls_port, 5061), settings.port("ws.port", c::ws_port, 5066),
            settings.port("wss.port", c::wss_port, 7443)};
        SipProvider provider = null;
        for (int i = 0; i < TRANSPORTS.length; i++) {
            if (ports[i] <= 0) {
                continue;
            }
            ListeningPoint lp;
            try {
                lp = stack.createListeningPoint(c.bind_address(), ports[i], TRANSPORTS[i]);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot listen for SIP over " + TRANSPORTS[i] + " on " + c.bind_address()
                        + ":" + ports[i] + " (" + e.getMessage() + "). Free the port, or change "
                        + TRANSPORTS[i].toLowerCase() + ".port in etc/org.switchboard.sip.cfg (0 disables it)", e);
            }
            if (provider == null) {
                provider = stack.createSipProvider(lp);
            } else {
                provider.addListeningPoint(lp);
            }
            transports.add(new Transport(TRANSPORTS[i], c.bind_address(), lp.getPort()));
        }
        if (provider == null) {
            throw new IllegalStateException("Every SIP transport is disabled: set udp.port or another port in etc/org.switchboard.sip.cfg");
        }
        return provider;
    }

    static List<DigestAlgorithm> algorithms(String[] tokens) {
        List<DigestAlgorithm> out = new ArrayList<>();
        for (String t : ConfigValues.list(tokens)) {
            DigestAlgorithm.fromToken(t.trim()).filter(a -> !out.contains(a)).ifPresentOrElse(out::add,
                    () -> LOG.error("auth.algorithms in etc/org.switchboard.sip.cfg names '{}', which is not supported "
                            + "or repeated; use MD5 and/or SHA-256", t.trim()));
        }
        if (out.isEmpty()) {
            LOG.error("auth.algorithms in etc/org.switchboard.sip.cfg names no supported algorithm; offering MD5, SHA-256");
            return List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
        }
        return out;
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> out = new LinkedHashMap<>();
        transports.forEach(t -> out.put(t.name(), t.port()));
        return Map.copyOf(out);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addApplication(CallApplication app, Map<String, Object> props) {
        services.addApplication(app, props);
    }

    void removeApplication(CallApplication app, Map<String, Object> props) {
        services.removeApplication(app, props);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDialPlan(DialPlan plan) {
        services.set(DialPlan.class, plan);
    }

    void unsetDialPlan(DialPlan plan) {
        services.unset(DialPlan.class, plan);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMediaEngine(MediaEngine engine) {
        services.set(MediaEngine.class, engine);
    }

    void unsetMediaEngine(MediaEngine engine) {
        services.unset(MediaEngine.class, engine);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMusicOnHold(MusicOnHold moh) {
        services.set(MusicOnHold.class, moh);
    }

    void unsetMusicOnHold(MusicOnHold moh) {
        services.unset(MusicOnHold.class, moh);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents e) {
        events = e;
    }

    void unsetEvents(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    private void post(String topic, Map<String, Object> properties) {
        PlatformEvents e = events;
        if (e != null) {
            e.post(topic, properties);
        }
    }

    /** @return the calls hosted for applications */
    public AppHost host() {
        return host;
    }

    private static java.nio.file.Path callsFile() {
        return java.nio.file.Path.of(System.getProperty("karaf.data", "data"), "switchboard", "sip-calls.tsv");
    }

    /** @return the listeners, to stop, start and watch them */
    public Listeners listeners() {
        return listeners;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRequestHandler(SipRequestHandler h, Map<String, Object> props) {
        plugins.addHandler(h, props);
    }

    void removeRequestHandler(SipRequestHandler h, Map<String, Object> props) {
        plugins.removeHandler(h, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEventPackage(EventPackage p, Map<String, Object> props) {
        plugins.addPackage(p, props);
    }

    void removeEventPackage(EventPackage p, Map<String, Object> props) {
        plugins.removePackage(p, props);
    }

    @Deactivate
    void stop() {
        for (org.osgi.framework.ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
        SipHealth hc = health;
        if (hc != null) {
            hc.close();
        }
        AppHost h = host;
        if (h != null) {
            h.close();
        }
        timers.shutdownNow();
        stack.stop();
        gov.nist.javax.sip.stack.WebSocketHttpHandshake.setOriginPolicy(null); // holds this bundle's classes
        try {
            calls.save(callsFile());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not keep the calls that are up in {}: {}", callsFile(), e.toString());
        }
        LOG.info("SIP stopped");
    }

    /** @return the transports the server listens on */
    public List<Transport> transports() {
        return List.copyOf(transports);
    }

    /** @return the calls in progress through the proxy */
    public CallRegistry calls() {
        return calls;
    }

    /** @return the domains the server answers for */
    public LocalDomains domains() {
        return domains;
    }

    @Override
    public String canonical() {
        return domains.canonical();
    }

    @Override
    public boolean isLocal(String host) {
        return domains.isLocal(host);
    }

    @Override
    public String aor(String user) {
        return domains.aor(user);
    }

    @Override
    public java.util.Set<String> names() {
        return domains.names();
    }
}

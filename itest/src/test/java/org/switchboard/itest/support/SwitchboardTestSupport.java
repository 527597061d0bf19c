package org.switchboard.itest.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.DefaultCompositeOption;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.LocationStore;
import org.switchboard.api.sip.SipDomains;

/**
 * Boots the Switchboard distribution once per test class (Pax Exam, Karaf container) with every
 * listening port moved to a free one, and gives the scenarios what they share: the ports, shell
 * commands, users, services and external SIP clients.
 *
 * <p>{@link #config()} runs in the test driver JVM; everything else runs inside Karaf, so the
 * ports travel there as system properties.
 */
public abstract class SwitchboardTestSupport {

    /** How long one SIP exchange may take before a test gives up. */
    protected static final Duration SIP_TIMEOUT = Duration.ofSeconds(10);
    /** Where the server's SIP UDP/TCP listener is: requests to this host are for the local domain. */
    protected static final String HOST = "127.0.0.1";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    private final List<ExternalProcess> processes = new ArrayList<>();

    @Configuration
    public Option[] config() {
        try (FreePorts free = new FreePorts()) {
            int sip = free.udpAndTcp();
            int tls = free.tcp();
            int ws = free.tcp();
            int wss = free.tcp();
            int ssh = free.tcp();
            int rmiRegistry = free.tcp();
            int rmiServer = free.tcp();
            int http = free.tcp();
            int https = free.tcp();
            String sipCfg = "etc/org.switchboard.sip.cfg";
            String examDir = System.getProperty("itest.exam.dir", "target/exam");
            // -Ditest.keepRuntime=true keeps itest/target/exam/<uuid> (data/log/karaf.log) for debugging
            Option keep = Boolean.getBoolean("itest.keepRuntime") ? keepRuntimeFolder() : new DefaultCompositeOption();
            return new Option[] {
                keep,
                karafDistributionConfiguration().frameworkUrl(distribution())
                        .unpackDirectory(new File(examDir)).useDeployFolder(false).name("Switchboard"),
                logLevel(LogLevel.WARN),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ssh)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(rmiRegistry)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(rmiServer)),
                editConfigurationFilePut(sipCfg, "bind.address", "0.0.0.0"),
                editConfigurationFilePut(sipCfg, "udp.port", String.valueOf(sip)),
                editConfigurationFilePut(sipCfg, "tcp.port", String.valueOf(sip)),
                editConfigurationFilePut(sipCfg, "tls.port", String.valueOf(tls)),
                editConfigurationFilePut(sipCfg, "ws.port", String.valueOf(ws)),
                editConfigurationFilePut(sipCfg, "wss.port", String.valueOf(wss)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(https)),
                systemProperty("itest.http.port").value(String.valueOf(http)),
                systemProperty("itest.https.port").value(String.valueOf(https)),
                systemProperty("itest.browser.dir").value(System.getProperty("browser.dir", "")),
                systemProperty("itest.sip.port").value(String.valueOf(sip)),
                systemProperty("itest.ws.port").value(String.valueOf(ws)),
                systemProperty("itest.tls.port").value(String.valueOf(tls)),
                systemProperty("itest.wss.port").value(String.valueOf(wss)),
                systemProperty("itest.rfc4475.dir").value(System.getProperty("rfc4475.dir", "")),
                systemProperty("itest.jssip.dir").value(System.getProperty("jssip.dir", "")),
                systemProperty("itest.bench.jar").value(System.getProperty("bench.jar", "")),
                systemProperty("itest.report.dir").value(new File(examDir).getAbsoluteFile().getParent()),
                systemProperty("pax.exam.service.timeout").value("60000"),
                mavenBundle().groupId("org.awaitility").artifactId("awaitility").versionAsInProject(),
                mavenBundle().groupId("org.hamcrest").artifactId("hamcrest").versionAsInProject(),
            };
        }
    }

    /** @return the distribution to boot: the tar.gz this reactor built */
    protected MavenArtifactUrlReference distribution() {
        return maven().groupId("org.switchboard").artifactId("switchboard").type("tar.gz").versionAsInProject();
    }

    /** @return the server's SIP port (UDP and TCP) */
    protected static int sipPort() {
        return Integer.getInteger("itest.sip.port");
    }

    /** @return the platform's plain HTTP port (answered for loopback clients) */
    protected static int httpPort() {
        return Integer.getInteger("itest.http.port");
    }

    /** @return the platform's HTTPS port */
    protected static int httpsPort() {
        return Integer.getInteger("itest.https.port");
    }

    /** @return the server's plain WebSocket port */
    protected static int wsPort() {
        return Integer.getInteger("itest.ws.port");
    }

    /** @return the server's SIP over TLS port */
    protected static int tlsPort() {
        return Integer.getInteger("itest.tls.port");
    }

    /** @return the server's secure WebSocket (wss://) port */
    protected static int wssPort() {
        return Integer.getInteger("itest.wss.port");
    }

    /** @return {@code 127.0.0.1:<sip port>}, the outbound proxy and registrar of every client */
    protected static String proxy() {
        return HOST + ":" + sipPort();
    }

    /** Waits until the SIP listener answers and the sip: commands exist. */
    @Before
    public void awaitPlatformReady() {
        Awaitility.await("the sip: shell commands are registered").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> executeCommand("sip:user-list") != null);
        awaitOptionsAnswered();
    }

    /**
     * Waits until the web side answers: the softphone and its client configuration over plain
     * HTTP (Jetty restarts once at first start, when HTTPS is switched on).
     */
    protected void awaitWebReady() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/api/client-config", "/phone/"}) {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + httpPort() + path);
            Awaitility.await("GET " + path + " answers 200").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    /** Waits until an OPTIONS over UDP gets a final response: the platform serves SIP. */
    protected void awaitOptionsAnswered() {
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            Awaitility.await("OPTIONS over UDP is answered").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> probe.options(Duration.ofSeconds(1)) != null);
        }
    }

    @After
    public void stopProcesses() {
        processes.forEach(ExternalProcess::close);
        processes.clear();
    }

    /**
     * Runs a Karaf shell command in this container as an admin, like {@code KarafTestSupport}.
     *
     * @param command the command line
     * @return what it printed (and its result)
     */
    protected String executeCommand(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("itest"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("manager"));
        admin.getPrincipals().add(new RolePrincipal("viewer"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> result = executor.submit(() -> Subject.doAs(admin,
                    (PrivilegedExceptionAction<Object>) () -> session.execute(command)));
            Object value = result.get(30, TimeUnit.SECONDS);
            if (value != null) {
                out.println(value);
            }
            out.flush();
            return bytes.toString(UTF_8);
        } catch (TimeoutException e) {
            throw new AssertionError("command timed out: " + command + "\n" + bytes.toString(UTF_8), e);
        } catch (Exception e) {
            throw new IllegalStateException("command failed: " + command + "\n" + bytes.toString(UTF_8), e);
        } finally {
            executor.shutdownNow();
            session.close();
        }
    }

    /**
     * Creates a user with a fresh random name and password.
     *
     * @param prefix the start of the user name
     * @return the user
     */
    protected SipUser createUser(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        String password = "pw-" + UUID.randomUUID().toString().substring(0, 12);
        String out = executeCommand("sip:user-add --password " + password + " " + name);
        if (!executeCommand("sip:user-list").contains(name)) {
            throw new AssertionError("sip:user-add " + name + " did not create the user:\n" + out);
        }
        return new SipUser(name, password);
    }

    /** @return the location store currently registered */
    protected LocationStore locationStore() {
        ServiceReference<LocationStore> ref = bundleContext.getServiceReference(LocationStore.class);
        if (ref == null) {
            // not nested in another await: only when the store is (re)starting
            Awaitility.await("a LocationStore service").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> bundleContext.getServiceReference(LocationStore.class) != null);
            ref = bundleContext.getServiceReference(LocationStore.class);
        }
        return bundleContext.getService(ref);
    }

    /**
     * The live bindings of a user, looked up under the address of record the platform's
     * {@link SipDomains} service gives for the user name (the canonical domain, whatever alias
     * the client registered with).
     *
     * @param user a user of the local domain
     * @return their live bindings, from the LocationStore
     */
    protected List<Binding> bindings(SipUser user) {
        ServiceReference<SipDomains> ref = bundleContext.getServiceReference(SipDomains.class);
        if (ref == null) {
            Awaitility.await("a SipDomains service").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> bundleContext.getServiceReference(SipDomains.class) != null);
            ref = bundleContext.getServiceReference(SipDomains.class);
        }
        return locationStore().lookup(bundleContext.getService(ref).aor(user.name()));
    }

    /** @return every binding the LocationStore holds, for failure messages */
    protected String allBindings() {
        try {
            return String.valueOf(locationStore().all());
        } catch (RuntimeException e) {
            return "(LocationStore.all() failed: " + e + ")";
        }
    }

    /**
     * @param symbolicName a bundle symbolic name
     * @return the installed bundle
     */
    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle not installed: " + symbolicName);
    }

    /**
     * Starts a Net::SIP user agent for a user; it registers through the proxy right away.
     *
     * @param user the user
     * @param extraArgs more options for sipua.pl, e.g. {@code --auto-answer}
     * @return the running agent
     */
    protected NetSipAgent startAgent(SipUser user, String... extraArgs) {
        return startAgentOver("udp", user, extraArgs);
    }

    /**
     * Starts a Net::SIP user agent that talks to the proxy over one transport: it registers
     * right away, its contact is a listener of that transport, and every request goes to the
     * proxy's port for it (TLS: the server's certificate is not verified).
     *
     * @param transport {@code udp}, {@code tcp} or {@code tls}
     * @param user the user
     * @param extraArgs more options for sipua.pl, e.g. {@code --auto-answer}, {@code --trace}
     * @return the running agent
     */
    protected NetSipAgent startAgentOver(String transport, SipUser user, String... extraArgs) {
        String server = "tls".equals(transport) ? HOST + ":" + tlsPort() : proxy();
        List<String> cmd = new ArrayList<>(List.of("perl", script("netsip/sipua.pl").toString(), "--proxy", server,
                "--domain", HOST, "--user", user.name(), "--password", user.password()));
        if (!"udp".equals(transport)) {
            cmd.addAll(List.of("--transport", transport));
        }
        cmd.addAll(List.of(extraArgs));
        ExternalProcess process = ExternalProcess.start("sipua-" + user.name(), cmd.toArray(String[]::new));
        processes.add(process);
        return new NetSipAgent(user, process);
    }

    /**
     * Starts an external program that is killed after the test.
     *
     * @param name a short name
     * @param command the program and its arguments
     * @return the running program
     */
    protected ExternalProcess startProcess(String name, String... command) {
        ExternalProcess process = ExternalProcess.start(name, command);
        processes.add(process);
        return process;
    }

    /**
     * Copies a test resource out of the probe bundle to a file, for external programs.
     *
     * @param resource the resource path
     * @return the file
     */
    protected Path script(String resource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            Path file = Files.createTempFile("itest-", "-" + Path.of(resource).getFileName());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param output the output of a SIP tool that prints messages
     * @return the last status line in it
     */
    protected static Optional<String> lastStatusLine(String output) {
        String last = null;
        for (String line : output.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.matches("SIP/2\\.0 \\d{3}( .*)?")) {
                last = trimmed;
            }
        }
        return Optional.ofNullable(last);
    }
}

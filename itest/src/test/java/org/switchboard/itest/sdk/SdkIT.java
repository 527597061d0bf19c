package org.switchboard.itest.sdk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.DigestRegister;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SilentPhone;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/**
 * The plugin SDK as a developer outside the project uses it: a project generated offline from
 * {@code switchboard-plugin-archetype} (from the local repository the reactor filled) builds
 * with its conformance test, its feature installs into the running distribution, its SIP
 * handler answers PUBLISH from a real phone (Net::SIP), its event listener sees the
 * registration, its table exists, and its shell command runs; uninstalling keeps its data.
 * Then, under load (200 registered users, 20 calls up), it is installed and uninstalled 5 times
 * without dropping a call or a binding.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SdkIT extends SwitchboardTestSupport {
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    private static final Duration BUILD = Duration.ofMinutes(4);
    private static final String FEATURE = "notes-plugin";
    private static boolean built;

    /** Generates and builds the sample plugin once per class, offline, as the plugin guide says. */
    private static synchronized void buildPlugin() throws Exception {
        if (built) {
            return;
        }
        Path dir = Files.createTempDirectory("sdk-it");
        ExternalProcess.Result generate = ExternalProcess.run(BUILD, "sh", "-c", "cd " + dir + " && mvn -o -B -q "
                + "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate -DarchetypeCatalog=local "
                + "-DarchetypeGroupId=org.switchboard -DarchetypeArtifactId=switchboard-plugin-archetype -DarchetypeVersion=" + VERSION
                + " -DgroupId=com.example -DartifactId=" + FEATURE + " -Dversion=1.0.0-SNAPSHOT -Dpackage=com.example.notes"
                + " -DinteractiveMode=false");
        assertEquals("archetype:generate\n" + generate, 0, generate.exitCode());
        ExternalProcess.Result install = ExternalProcess.run(BUILD, "sh", "-c", "cd " + dir.resolve(FEATURE) + " && mvn -o -B -q install");
        assertEquals("mvn install of the generated plugin (with its conformance test)\n" + install, 0, install.exitCode());
        built = true;
    }

    private void install() {
        String out = executeCommand("feature:install " + FEATURE);
        Awaitility.await("the plugin's command").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> executeCommand("notes:list").contains("registrations seen"));
        assertTrue(out, bundle("com.example.notes") != null);
    }

    private void uninstall() {
        executeCommand("feature:uninstall " + FEATURE);
        Awaitility.await("the plugin is gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> java.util.Arrays.stream(bundleContext.getBundles())
                        .noneMatch(b -> "com.example.notes".equals(b.getSymbolicName())));
    }

    private long rows(String table) throws Exception {
        DataSource core = bundleContext.getService(bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=switchboard)")
                .iterator().next());
        try (Connection c = core.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    public void aGeneratedPluginInstallsAnswersSipSeesEventsKeepsItsTableAndItsData() throws Exception {
        buildPlugin();
        executeCommand("feature:repo-add mvn:com.example/" + FEATURE + "-feature/1.0.0-SNAPSHOT/xml/features");
        install();

        SipUser alice = createUser("sdk");
        NetSipAgent phone = startAgent(alice).awaitRegistered();
        Awaitility.await("the registration event reached the plugin").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> rows("notes_plugin_registration") > 0);
        phone.send("publish " + alice.aor() + " x-notes buy milk");
        assertEquals("PUBLISH-RESULT 200", phone.await("PUBLISH-RESULT"));
        String list = executeCommand("notes:list");
        assertTrue(list, list.contains(alice.name() + ": buy milk"));
        assertEquals(1, rows("notes_plugin_note"));

        uninstall();
        assertEquals("uninstalling keeps the plugin's data", 1, rows("notes_plugin_note"));
        // without the plugin the proxy relays a PUBLISH to alice's phone again, which does not know it
        NetSipAgent bob = startAgent(createUser("sdkbob")).awaitRegistered();
        bob.send("publish " + alice.aor() + " x-notes gone");
        assertEquals("PUBLISH-RESULT 501", bob.await("PUBLISH-RESULT"));
        assertEquals(1, rows("notes_plugin_note"));
    }

    @Test
    public void installingAndUninstallingUnderLoadDropsNoCallAndNoBinding() throws Exception {
        buildPlugin();
        executeCommand("feature:repo-add mvn:com.example/" + FEATURE + "-feature/1.0.0-SNAPSHOT/xml/features");
        List<SipUser> users = new ArrayList<>();
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            for (int i = 0; i < 200; i++) {
                SipUser u = createUser("load");
                users.add(u);
                assertEquals(200, DigestRegister.register(probe, HOST, u.name(), u.password(), "MD5", Duration.ofSeconds(5)));
            }
        }
        List<SilentPhone> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                SilentPhone p = new SilentPhone(sipPort(), "caller" + i, "silent-caller" + i);
                calls.add(p);
                p.invite("*43");
                assertEquals("call " + i + " is answered", 200, p.awaitFinal(SIP_TIMEOUT).status());
            }
            for (int round = 0; round < 5; round++) {
                install();
                uninstall();
            }
            for (SilentPhone p : calls) {
                assertEquals("the call of " + p.callId() + " is still up: its BYE gets 200", 200, p.bye());
            }
        } finally {
            calls.forEach(SilentPhone::close);
        }
        for (SipUser u : users) {
            assertEquals("the binding of " + u.name() + " remains", 1, bindings(u).size());
        }
    }
}

package org.switchboard.store.internal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.PlatformEvents;
import org.switchboard.api.event.Topics;

/**
 * The user directory in the platform database. Reads are served from memory (every
 * authentication looks up a credential), writes go to the database first.
 */
@Component(service = UserDirectory.class)
public class JdbcUserDirectory implements UserDirectory {
    private record Entry(UserAccount account, Map<String, Ha1> credentials) {
    }

    private final DataSource db;
    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final EventPublisher events = new EventPublisher();

    @Activate
    public JdbcUserDirectory(@Reference(target = "(dataSourceName=switchboard)") DataSource db) throws SQLException {
        this.db = db;
        load();
    }

    private void load() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT username, display_name, email FROM sb_user");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UserAccount a = new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3));
                users.put(a.username(), new Entry(a, new ConcurrentHashMap<>()));
            }
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT username, realm, algorithm, ha1 FROM sb_user_credential");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Entry e = users.get(rs.getString(1));
                DigestAlgorithm alg = DigestAlgorithm.valueOf(rs.getString(3));
                if (e != null) {
                    e.credentials.put(key(rs.getString(2), alg), new Ha1(rs.getString(2), alg, rs.getString(4)));
                }
            }
        }
    }

    private static String key(String realm, DigestAlgorithm alg) {
        return alg.name() + ' ' + realm;
    }

    @Override
    public synchronized void create(UserAccount account, Collection<Ha1> credentials) {
        if (users.containsKey(account.username())) {
            throw new IllegalStateException("user '" + account.username() + "' exists already");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_user VALUES (?, ?, ?, ?)")) {
                ps.setString(1, account.username());
                ps.setString(2, account.displayName());
                ps.setString(3, account.email());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                writeCredentials(c, account.username(), credentials);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store user '" + account.username() + "': " + e.getMessage(), e);
        }
        users.put(account.username(), new Entry(account, toMap(credentials)));
        events.post(Topics.USER_ADDED, Map.of(EventKeys.USER, account.username()));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents e) {
        events.set(e);
    }

    void unsetEvents(PlatformEvents e) {
        events.unset(e);
    }

    private static void writeCredentials(Connection c, String username, Collection<Ha1> credentials) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sb_user_credential WHERE username = ?")) {
            del.setString(1, username);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_user_credential VALUES (?, ?, ?, ?)")) {
            for (Ha1 h : credentials) {
                ps.setString(1, username);
                ps.setString(2, h.realm());
                ps.setString(3, h.algorithm().name());
                ps.setString(4, h.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Ha1> toMap(Collection<Ha1> credentials) {
        Map<String, Ha1> m = new ConcurrentHashMap<>();
        credentials.forEach(h -> m.put(key(h.realm(), h.algorithm()), h));
        return m;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        Entry e = username == null ? null : users.get(username);
        return e == null ? Optional.empty() : Optional.of(e.account);
    }

    @Override
    public List<UserAccount> list() {
        List<UserAccount> out = new ArrayList<>();
        users.values().forEach(e -> out.add(e.account));
        out.sort(Comparator.comparing(UserAccount::username));
        return out;
    }

    @Override
    public synchronized boolean setCredentials(String username, Collection<Ha1> credentials) {
        if (!users.containsKey(username)) {
            return false;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                writeCredentials(c, username, credentials);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store credentials of '" + username + "': " + e.getMessage(), e);
        }
        Entry old = users.get(username);
        users.put(username, new Entry(old.account, toMap(credentials)));
        return true;
    }

    @Override
    public Optional<Ha1> credential(String username, String realm, DigestAlgorithm algorithm) {
        Entry e = username == null ? null : users.get(username);
        return e == null ? Optional.empty() : Optional.ofNullable(e.credentials.get(key(realm, algorithm)));
    }

    @Override
    public synchronized boolean remove(String username) {
        if (!users.containsKey(username)) {
            return false;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM sb_user WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove user '" + username + "': " + e.getMessage(), e);
        }
        users.remove(username);
        events.post(Topics.USER_REMOVED, Map.of(EventKeys.USER, username));
        return true;
    }
}

package org.switchboard.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;

/** A user directory in a map, for tests. */
public final class InMemoryDirectory implements UserDirectory {
    private final Map<String, UserAccount> users = new TreeMap<>();
    private final Map<String, List<Ha1>> credentials = new TreeMap<>();

    /** Adds a user with HA1 hashes for every algorithm in the realm. */
    public InMemoryDirectory add(String user, String realm, String password) {
        List<Ha1> creds = new ArrayList<>();
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            creds.add(a.ha1(user, realm, password.toCharArray()));
        }
        create(new UserAccount(user, "", ""), creds);
        return this;
    }

    @Override
    public void create(UserAccount account, Collection<Ha1> creds) {
        if (users.putIfAbsent(account.username(), account) != null) {
            throw new IllegalStateException("taken: " + account.username());
        }
        credentials.put(account.username(), List.copyOf(creds));
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<UserAccount> list() {
        return List.copyOf(users.values());
    }

    @Override
    public boolean setCredentials(String username, Collection<Ha1> creds) {
        if (!users.containsKey(username)) {
            return false;
        }
        credentials.put(username, List.copyOf(creds));
        return true;
    }

    @Override
    public Optional<Ha1> credential(String username, String realm, DigestAlgorithm algorithm) {
        return credentials.getOrDefault(username, List.of()).stream()
                .filter(h -> h.realm().equals(realm) && h.algorithm() == algorithm).findFirst();
    }

    @Override
    public boolean remove(String username) {
        credentials.remove(username);
        return users.remove(username) != null;
    }
}

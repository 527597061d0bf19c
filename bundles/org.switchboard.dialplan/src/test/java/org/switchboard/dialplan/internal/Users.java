package org.switchboard.dialplan.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;

/** A user directory of names only, for tests. */
final class Users implements UserDirectory {
    private final Set<String> names = new TreeSet<>();

    Users(String... names) {
        this.names.addAll(List.of(names));
    }

    @Override
    public void create(UserAccount account, Collection<Ha1> credentials) {
        names.add(account.username());
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return names.contains(username) ? Optional.of(new UserAccount(username, "", "")) : Optional.empty();
    }

    @Override
    public List<UserAccount> list() {
        return names.stream().map(n -> new UserAccount(n, "", "")).toList();
    }

    @Override
    public boolean setCredentials(String username, Collection<Ha1> credentials) {
        return names.contains(username);
    }

    @Override
    public Optional<Ha1> credential(String username, String realm, DigestAlgorithm algorithm) {
        return Optional.empty();
    }

    @Override
    public boolean remove(String username) {
        return names.remove(username);
    }
}

package org.switchboard.api.history;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The call history of every user. Entries belong to one user (the user part of their
 * address of record) and are never visible to another.
 */
@ProviderType
public interface CallHistory {

    /**
     * Stores a call.
     *
     * @param username the user whose history it is
     * @param call the call; its {@link CallRecord#id()} is ignored
     * @return the stored call, with the id the store gave it
     */
    CallRecord add(String username, CallRecord call);

    /**
     * @param username the user
     * @param limit the largest number of entries to return
     * @return the user's calls, newest first
     */
    List<CallRecord> recent(String username, int limit);

    /**
     * @param username the user
     * @param id an entry id
     * @return the entry, if it exists and belongs to that user
     */
    Optional<CallRecord> find(String username, long id);

    /**
     * Removes one entry.
     *
     * @param username the user
     * @param id the entry
     * @return false if the user has no such entry
     */
    boolean remove(String username, long id);

    /**
     * Removes all of a user's entries.
     *
     * @param username the user
     * @return how many entries were removed
     */
    int clear(String username);
}

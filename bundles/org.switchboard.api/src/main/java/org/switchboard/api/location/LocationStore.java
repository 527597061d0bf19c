package org.switchboard.api.location;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the bindings of every address of record. The registrar writes it, the proxy reads it.
 * The built-in store is in memory with a durable copy, so registrations survive restarts; a
 * distributed store (Hazelcast, say) can replace it without touching the registrar.
 *
 * <p>Implementations must be safe for concurrent use and must not block on I/O in
 * {@link #lookup(String)}, which runs on SIP stack threads for every routed request.
 */
@ProviderType
public interface LocationStore {

    /**
     * @param aor an address of record, {@code sip:user@domain}
     * @return its bindings that have not expired, highest q first
     */
    List<Binding> lookup(String aor);

    /**
     * Replaces all the bindings of an AOR at once.
     *
     * @param aor the address of record
     * @param bindings its complete new list of bindings; empty removes the AOR
     */
    void replace(String aor, List<Binding> bindings);

    /**
     * Replaces all the bindings of an AOR at once, and says when the change is durable: a
     * registrar answers {@code 200 OK} only then, so that an acknowledged registration survives
     * a crash of the process ({@code kill -9}). The new bindings are visible to
     * {@link #lookup(String)} at once.
     *
     * <p>The default completes at once, for stores whose {@link #replace} is already durable
     * when it returns.
     *
     * @param aor the address of record
     * @param bindings its complete new list of bindings; empty removes the AOR
     * @return completes normally once the change is stored, or exceptionally if it could not be
     * @since 1.1
     */
    default CompletionStage<Void> store(String aor, List<Binding> bindings) {
        replace(aor, bindings);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Finds the binding whose contact URI is the given one, for in-dialog requests that
     * target a registered contact.
     *
     * @param contact a contact URI exactly as registered
     * @return the binding, or {@code null}
     */
    Binding findByContact(String contact);

    /**
     * @return every AOR with its live bindings
     */
    Map<String, List<Binding>> all();

    /**
     * Drops bindings that expired before the given time.
     *
     * @param now the current time
     * @return how many bindings were dropped
     */
    int purgeExpired(Instant now);
}

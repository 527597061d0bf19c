package org.switchboard.api.sip;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The domains the platform serves. Every local address and host name, and every configured
 * domain, are aliases of one domain of users; addresses of record in the
 * {@link org.switchboard.api.location.LocationStore} always use the canonical one.
 */
@ProviderType
public interface SipDomains {

    /** @return the canonical domain, e.g. {@code example.com} or the host name */
    String canonical();

    /**
     * @param host a host name or address, IPv6 with or without brackets
     * @return whether it names this platform
     */
    boolean isLocal(String host);

    /**
     * @param user a user name
     * @return the user's address of record, {@code sip:user@<canonical>}
     */
    String aor(String user);

    /** @return every name and address that counts as local */
    Set<String> names();
}

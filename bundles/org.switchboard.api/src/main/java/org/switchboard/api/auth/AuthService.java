package org.switchboard.api.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's one entry point for authentication, used by the SIP registrar and proxy and by
 * every REST endpoint. Failures of every protocol count in one limiter: an address or a (user,
 * address) pair that fails too often within a window is blocked for a while, on SIP and HTTP
 * alike; a success clears only its own pair. Each failure is logged as one stable line for
 * fail2ban: {@code <PROTOCOL> authentication failed for user '<user>' from <address> (<what>)}.
 */
@ProviderType
public interface AuthService {

    /**
     * Checks credentials from a source.
     *
     * @param credentials what the client presented
     * @param address the client's IP address
     * @param protocol {@code SIP} or {@code HTTP}, for the log line
     * @param what what was asked, for the log line (a SIP method, an HTTP method and path)
     * @return the verdict; REJECTED when no Authenticator handles the credentials
     */
    AuthResult authenticate(Credentials credentials, String address, String protocol, String what);

    /**
     * @param user the user claimed, or null to ask about the address alone
     * @param address the client's IP address
     * @return seconds until the address (or the pair) may try again; 0 when it is not blocked
     */
    long blockedSeconds(String user, String address);
}

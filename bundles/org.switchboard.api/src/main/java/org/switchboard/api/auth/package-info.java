/**
 * One authentication contract for SIP and HTTP. Credentials of any scheme (a password from
 * HTTP Basic, a SIP digest response, a Bearer token) go to the platform's {@link
 * org.switchboard.api.auth.AuthService}, which asks the pluggable {@link
 * org.switchboard.api.auth.Authenticator} services in ranking order and counts failures in one
 * limiter shared by every protocol: per source address and per (user, address) pair, never per
 * user alone, so that a stranger cannot lock the real user out. Identity providers (OAuth/OIDC)
 * plug in here as Authenticators of Bearer tokens.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

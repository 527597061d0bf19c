/**
 * Health of the platform's parts, for supervisors, load balancers and operators.
 *
 * <p>Any bundle registers one {@link org.switchboard.api.health.HealthIndicator} service per
 * part it wants watched (the SIP bundle one per listener: UDP, TCP, TLS, WS, WSS; the web
 * bundle one for its HTTP/HTTPS listeners). The web bundle aggregates every indicator at
 * {@code GET /api/health} (200 when all are UP, 503 as soon as one is DOWN) and the shell shows
 * them with {@code platform:health}. An indicator that goes away simply stops being reported.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

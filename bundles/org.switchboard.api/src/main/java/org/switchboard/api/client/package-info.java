/**
 * What the browser softphone may show: the client features the server has installed.
 *
 * <p>A bundle that brings a softphone panel (meetings, voicemail, an agent panel, a plugin)
 * registers one {@link org.switchboard.api.client.ClientFeature} service per panel. The web
 * bundle lists every registered feature in {@code GET /api/client-config} under
 * {@code "features"}; the softphone shows a feature's panel only while it is listed, so
 * installing the bundle's Karaf feature lights the panel up and uninstalling it removes the
 * panel, without a reload of the page.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

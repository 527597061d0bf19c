package org.switchboard.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the web side. Components read it merged from {@code org.switchboard.sip} (the
 * SIP ports and realm the client must use) and {@code org.switchboard.web}, so that the
 * client configuration never disagrees with what the SIP listeners really do.
 */
@ObjectClassDefinition(name = "Switchboard web", description = "Softphone, client configuration and REST API")
@interface WebConfig {
    @AttributeDefinition(description = "SIP over WebSocket port (from org.switchboard.sip)")
    int ws_port() default 5066;

    @AttributeDefinition(description = "SIP over secure WebSocket port (from org.switchboard.sip)")
    int wss_port() default 7443;

    @AttributeDefinition(description = "Digest realm users authenticate in (from org.switchboard.sip)")
    String realm() default "switchboard";

    @AttributeDefinition(description = "More wss:// URLs offered to clients after this server's own, in priority order")
    String[] extra_wss_urls() default {};

    @AttributeDefinition(description = "ICE servers for clients: 'urls' or 'urls|username|credential', e.g. stun:stun.example.org:3478")
    String[] ice_servers() default {};

    @AttributeDefinition(description = "Answer plain HTTP from other hosts too; by default only loopback clients get plain HTTP, others are redirected to HTTPS")
    boolean plain_http_remote() default false;

    @AttributeDefinition(description = "File, relative to etc/, with the bearer token of GET /api/health; generated (0600) when missing")
    String health_token_file() default "secrets/health.token";
}

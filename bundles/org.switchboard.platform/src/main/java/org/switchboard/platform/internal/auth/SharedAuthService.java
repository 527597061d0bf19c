package org.switchboard.platform.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.AuthService;
import org.switchboard.api.auth.Authenticator;
import org.switchboard.api.auth.Credentials;

/**
 * The one {@link AuthService}: asks the {@link Authenticator}s in ranking order, and keeps one
 * failure limiter for SIP and HTTP. Blocks fall on the source address and on the (user,
 * address) pair, never on a user everywhere; a success clears its own pair only.
 */
@Component(configurationPid = "org.switchboard.auth")
@Designate(ocd = SharedAuthService.Config.class)
public class SharedAuthService implements AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(SharedAuthService.class);

    /** Configuration, etc/org.switchboard.auth.cfg. */
    @ObjectClassDefinition(name = "Switchboard authentication")
    public @interface Config {
        @AttributeDefinition(description = "Failed authentications (SIP and HTTP together) from one address, or for one user from one address, before a temporary block")
        int failure_limit() default 10;

        @AttributeDefinition(description = "Window over which failures are counted (seconds)")
        int failure_window_seconds() default 60;

        @AttributeDefinition(description = "How long a block lasts (seconds)")
        int block_seconds() default 300;
    }

    private final FailureLimiter limiter;
    private final Ranked<Authenticator> authenticators = new Ranked<>();

    @Activate
    public SharedAuthService(Config config) {
        this(new FailureLimiter(positive("failure.limit", config.failure_limit(), 10),
                Duration.ofSeconds(positive("failure.window.seconds", config.failure_window_seconds(), 60)),
                Duration.ofSeconds(positive("block.seconds", config.block_seconds(), 300)), Clock.systemUTC()));
    }

    public SharedAuthService(FailureLimiter limiter) {
        this.limiter = limiter;
    }

    private static int positive(String key, int value, int fallback) {
        if (value > 0) {
            return value;
        }
        LOG.error("{} = {} in etc/org.switchboard.auth.cfg is not above 0; using {}. Fix the value", key, value, fallback);
        return fallback;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addAuthenticator(Authenticator a, Map<String, Object> props) {
        authenticators.add(a, props);
    }

    public void removeAuthenticator(Authenticator a) {
        authenticators.remove(a);
    }

    static String addressKey(String address) {
        return "address " + address;
    }

    static String pairKey(String user, String address) {
        return "user " + user + " from " + address;
    }

    @Override
    public AuthResult authenticate(Credentials credentials, String address, String protocol, String what) {
        String claimed = credentials.claimedUser();
        long blocked = blockedSeconds(claimed, address);
        if (blocked > 0) {
            return new AuthResult(AuthResult.Outcome.BLOCKED, claimed, blocked);
        }
        AuthResult result = null;
        for (Authenticator a : authenticators.all()) {
            Optional<AuthResult> r;
            try {
                r = a.authenticate(credentials);
            } catch (RuntimeException e) {
                LOG.warn("The authenticator {} failed on {}: {}", a.getClass().getName(), credentials, e.toString(), e);
                r = Optional.of(AuthResult.rejected(claimed));
            }
            if (r.isPresent()) {
                result = r.get();
                break;
            }
        }
        if (result == null) {
            result = AuthResult.rejected(claimed);
        }
        String user = result.user() != null ? result.user() : claimed;
        if (result.accepted()) {
            limiter.succeeded(pairKey(user, address));
            return result;
        }
        // one stable line per failure, with the source, for fail2ban (see the platform README)
        LOG.warn("{} authentication failed for user '{}' from {} ({})", protocol, user == null ? "" : user, address, what);
        limiter.fail(addressKey(address));
        if (user != null) {
            limiter.fail(pairKey(user, address));
        }
        return AuthResult.rejected(user);
    }

    @Override
    public long blockedSeconds(String user, String address) {
        long ms = limiter.blockedMillis(addressKey(address));
        if (user != null) {
            ms = Math.max(ms, limiter.blockedMillis(pairKey(user, address)));
        }
        return ms == 0 ? 0 : Math.max(1, (ms + 999) / 1000);
    }
}

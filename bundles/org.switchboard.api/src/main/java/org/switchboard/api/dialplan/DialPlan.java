package org.switchboard.api.dialplan;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides where a call goes. The platform supplies one; the SIP bundle asks it for every
 * call that is not addressed to a registered contact directly, and again for a fallback that
 * names a number.
 *
 * <p>Implementations are thread-safe and do no I/O beyond in-memory lookups, so that they
 * may be called on a SIP stack thread.
 */
@ProviderType
public interface DialPlan {

    /**
     * Routes a call.
     *
     * @param from the caller: a local user name, or the caller's number for calls from
     *        outside; kept in the contract for caller-specific rules
     * @param dialled what the caller dialled: the user part of the request URI, a number
     *        with or without visual separators, a service code such as {@code *43}, or a
     *        user name
     * @return the decision, never {@code null}; a number nobody answers to is a
     *         {@link Decision.Type#REJECT} with status 404
     */
    Decision route(String from, String dialled);

    /**
     * Normalises a number as {@link #route(String, String)} does before matching rules:
     * visual separators are removed, a national number gets the country code, an
     * international prefix becomes {@code +}. Extensions, service codes and user names are
     * returned as dialled (without separators, for numbers).
     *
     * @param dialled a number or user name
     * @return the normalised form
     */
    String normalise(String dialled);

    /** @return the configured rules, in the order they are tried */
    List<Rule> rules();

    /**
     * @param user a local user name
     * @return the fallbacks that apply to calls to that user (their own, or the default
     *         ones), empty if there are none
     */
    List<Fallback> fallbacks(String user);
}

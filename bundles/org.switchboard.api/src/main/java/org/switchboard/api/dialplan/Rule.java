package org.switchboard.api.dialplan;

import java.util.Objects;

/**
 * One configured rule of the dial plan, as written.
 *
 * @param position the rule's place in the plan, from 1; rules are tried in this order
 * @param pattern what the normalised number must look like: an exact number or name, a
 *        range such as {@code 8000-8999}, a prefix such as {@code +44...}, or a regular
 *        expression starting with {@code ^}
 * @param type where a matching call goes
 * @param target the destination's name, which may refer to groups of a regular
 *        expression as {@code $1}; for {@link Decision.Type#REJECT} the SIP status
 */
public record Rule(int position, String pattern, Decision.Type type, String target) {

    /** Checks the fields. */
    public Rule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
    }

    /** @return the rule as it is configured, e.g. {@code *43 = application:echo} */
    @Override
    public String toString() {
        return pattern + " = " + type.keyword() + ":" + target;
    }
}

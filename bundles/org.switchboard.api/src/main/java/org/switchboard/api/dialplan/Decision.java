package org.switchboard.api.dialplan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a call goes, as the {@link DialPlan} decided it.
 *
 * @param type what kind of destination it is
 * @param target the destination: a user name ({@link Type#USER}), an application name
 *        ({@link Type#APPLICATION}), a feature name ({@link Type#FEATURE_CODE}), a trunk name
 *        ({@link Type#TRUNK}), or the SIP status code as decimal text ({@link Type#REJECT})
 * @param dialled what the caller dialled, unchanged
 * @param number the normalised number the rules were matched against; for an application
 *        it is the application's argument (the meeting room of {@code 8123}, say), for a
 *        trunk the number to send
 * @param rule the rule that matched, {@code null} when the built-in default decided
 *        (a local user name, or 404)
 * @param fallbacks what to do when the callee does not answer, is busy or rejects; only
 *        for {@link Type#USER}, empty otherwise
 */
public record Decision(Type type, String target, String dialled, String number, Rule rule, List<Fallback> fallbacks) {

    /** The kinds of destination. */
    public enum Type {
        /** A local user: fork to their registered devices. */
        USER("user"),
        /** A call application (echo, IVR, meetings, voicemail...), by name. */
        APPLICATION("application"),
        /** A feature code handled by the platform (do not disturb, call forward...), by name. */
        FEATURE_CODE("feature"),
        /** An outbound trunk, by name. */
        TRUNK("trunk"),
        /** Refuse the call with a SIP status. */
        REJECT("reject");

        private final String keyword;

        Type(String keyword) {
            this.keyword = keyword;
        }

        /** @return the word that names this type in a rule's target, e.g. {@code application} */
        public String keyword() {
            return keyword;
        }

        /**
         * @param keyword a target keyword, e.g. {@code feature}
         * @return the type it names, if any
         */
        public static Optional<Type> ofKeyword(String keyword) {
            for (Type t : values()) {
                if (t.keyword.equals(keyword)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks the fields; {@code null} fallbacks become an empty list. */
    public Decision {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dialled, "dialled");
        Objects.requireNonNull(number, "number");
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        if (type == Type.REJECT && !target.matches("[4-6]\\d\\d")) {
            throw new IllegalArgumentException("a rejection needs a SIP status 400-699, not '" + target + "'");
        }
    }

    /**
     * A rejection.
     *
     * @param status the SIP status, 400-699
     * @param dialled what was dialled
     * @param number the normalised number
     * @param rule the rule that decided, {@code null} for the default
     * @return the decision
     */
    public static Decision reject(int status, String dialled, String number, Rule rule) {
        return new Decision(Type.REJECT, Integer.toString(status), dialled, number, rule, List.of());
    }

    /** @return the rule that matched, empty when the default decided */
    public Optional<Rule> matchedRule() {
        return Optional.ofNullable(rule);
    }

    /** @return the SIP status of a {@link Type#REJECT}, 0 for any other type */
    public int status() {
        return type == Type.REJECT ? Integer.parseInt(target) : 0;
    }
}

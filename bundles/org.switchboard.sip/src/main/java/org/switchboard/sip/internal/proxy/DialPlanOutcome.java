package org.switchboard.sip.internal.proxy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.message.Request;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Fallback;

/** What the proxy does with a dial-plan decision, and which fallback a failed attempt takes. */
public final class DialPlanOutcome {
    /** The most fallbacks one call may take (a fallback to a number whose user falls back again...). */
    static final int MAX_FALLBACK_HOPS = 3;

    private DialPlanOutcome() {
    }

    /** An action. */
    public sealed interface Outcome permits ToUser, ToApplication, Refuse {
    }

    /** Fork to the bindings of a local user. */
    public record ToUser(String user, List<Fallback> fallbacks) implements Outcome {
    }

    /** Host a call application. */
    public record ToApplication(String name, String argument) implements Outcome {
    }

    /** Answer with a final status. */
    public record Refuse(int status, String reason) implements Outcome {
    }

    public static Outcome of(Decision d, String method) {
        boolean invite = Request.INVITE.equals(method);
        return switch (d.type()) {
            case USER -> new ToUser(d.target(), invite ? d.fallbacks() : List.of());
            case APPLICATION -> invite ? new ToApplication(d.target(), d.number()) : new Refuse(404, "Not Found");
            case REJECT -> new Refuse(d.status(), null);
            case FEATURE_CODE -> new Refuse(501, "Feature Not Implemented");
            case TRUNK -> new Refuse(503, "No Trunk");
        };
    }

    /**
     * @param fallbacks the callee's fallbacks
     * @param status the best final status of the attempt
     * @param noAnswer whether the no-answer timer cancelled it
     * @return the fallback that applies
     */
    public static Optional<Fallback> fallbackFor(List<Fallback> fallbacks, int status, boolean noAnswer) {
        Fallback.Condition c;
        if (noAnswer || status == 408) {
            c = Fallback.Condition.NO_ANSWER;
        } else if (status == 486 || status == 600) {
            c = Fallback.Condition.BUSY;
        } else if (status == 603 || status == 480) {
            c = Fallback.Condition.REJECT;
        } else {
            return Optional.empty();
        }
        return fallbacks.stream().filter(f -> f.condition() == c).findFirst();
    }

    /** @return the seconds of the no-answer fallback, if there is one */
    public static OptionalInt noAnswerSeconds(List<Fallback> fallbacks) {
        return fallbacks.stream().filter(f -> f.condition() == Fallback.Condition.NO_ANSWER)
                .mapToInt(Fallback::afterSeconds).findFirst();
    }
}

package org.switchboard.api.app;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.MediaLeg;

/**
 * A call the platform answered on behalf of a {@link CallApplication}.
 */
@ProviderType
public interface ApplicationCall {

    /** @return an id unique among current calls, for logs and commands */
    String id();

    /** @return the caller's URI, e.g. {@code sip:alice@example.com} */
    String caller();

    /** @return the caller's display name, may be empty */
    String callerName();

    /** @return the caller's user name when the caller is a local user, else empty */
    String callerUser();

    /** @return the number or name as dialled */
    String dialled();

    /**
     * @return the application's argument: the normalised number the dial plan matched (for
     *     meetings, the room number), or the argument given to {@link #handOver}
     */
    String argument();

    /** @return the answered media leg (play, collect digits, record, tap, echo) */
    MediaLeg leg();

    /** @return completes when the call ends, whoever ends it */
    CompletionStage<Void> ended();

    /** Ends the call (BYE). Does nothing if it has ended. */
    void hangup();

    /**
     * Passes the call to another application, as if the caller had dialled it.
     *
     * @param application the application's name
     * @param argument its argument, may be empty
     * @return false if no such application is installed (the call stays here)
     */
    boolean handOver(String application, String argument);

    /**
     * Calls a target through the dial plan (a user, a number) and, when it answers, bridges
     * it to this call with the media anchored in the platform. The application's part ends
     * when the target answers; until then the caller hears what the application plays.
     *
     * @param target a user name, number or SIP URI
     * @param timeout how long to let it ring
     * @return the outcome: the SIP status of the target's final response (200 when connected),
     *     408 when nobody answered in time, 404 when the target is unknown
     */
    CompletionStage<Integer> connect(String target, Duration timeout);
}

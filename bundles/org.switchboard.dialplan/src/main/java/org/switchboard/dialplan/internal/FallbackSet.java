package org.switchboard.dialplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.directory.UserAccount;

/**
 * The fallbacks of one user (or of every user, {@code user = *}), as one factory
 * configuration of {@code org.switchboard.dialplan.fallback} defines them.
 *
 * @param user the user name, or {@link #ANY_USER}
 * @param fallbacks in the order no answer, busy, reject
 */
record FallbackSet(String user, List<Fallback> fallbacks) {
    /** The user of the default fallbacks, for users without their own. */
    static final String ANY_USER = "*";
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]+");

    /**
     * Checks one configuration.
     *
     * @param source where it came from, for messages (its PID)
     * @param user {@code user}
     * @param noAnswerSeconds {@code no.answer.seconds}
     * @param noAnswer {@code no.answer}
     * @param busy {@code busy}
     * @param reject {@code reject}
     * @return the fallbacks
     * @throws ConfigException naming every problem
     */
    static FallbackSet parse(String source, String user, String noAnswerSeconds, String noAnswer, String busy,
            String reject) {
        List<String> problems = new ArrayList<>();
        String u = user == null ? "" : user.strip();
        if (!u.equals(ANY_USER) && !UserAccount.isValidUsername(u)) {
            problems.add("user = '" + u + "' is not a user name. Fix: the name of a local user, or * for the "
                    + "fallbacks of every user without their own");
        }
        List<Fallback> out = new ArrayList<>();
        int seconds = 0;
        if (!blank(noAnswer)) {
            try {
                seconds = Integer.parseInt(noAnswerSeconds.strip());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > 600) {
                problems.add("no.answer.seconds = '" + noAnswerSeconds + "' is not a ringing time. Fix: 1-600 seconds");
                seconds = 1;
            }
        }
        add(out, problems, Fallback.Condition.NO_ANSWER, seconds, "no.answer", noAnswer);
        add(out, problems, Fallback.Condition.BUSY, 0, "busy", busy);
        add(out, problems, Fallback.Condition.REJECT, 0, "reject", reject);
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add("no fallback is set. Fix: set no.answer, busy or reject, e.g. busy = application:voicemail");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new FallbackSet(u, out);
    }

    private static void add(List<Fallback> out, List<String> problems, Fallback.Condition condition, int seconds,
            String key, String value) {
        if (blank(value)) {
            return;
        }
        String v = value.strip();
        if (v.startsWith("application:")) {
            String name = v.substring("application:".length()).strip();
            if (APPLICATION.matcher(name).matches()) {
                out.add(new Fallback(condition, seconds, Fallback.Kind.APPLICATION, name));
                return;
            }
        } else {
            String number = v.startsWith("number:") ? v.substring("number:".length()).strip() : v;
            String digits = number.replaceAll("[\\s().\\-/]", "");
            if (!number.contains(":") && (NUMBER.matcher(digits).matches() || UserAccount.isValidUsername(number))) {
                out.add(new Fallback(condition, seconds, Fallback.Kind.NUMBER, number));
                return;
            }
        }
        problems.add(key + " = '" + value + "' is not a fallback. Fix: application:<name> (e.g. application:voicemail), "
                + "or a number or user name to call instead");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.outreachdesk.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What went wrong, as a message key and its arguments, for a translated text: the one shape every layer's
 * exception carries ({@link Problem.Carrier}). Arguments are identifiers, dates, counts and exception types,
 * never record content.
 *
 * @param key  the message key ({@code contact.gone}, {@code period.month}, {@code import.file.missing} …)
 * @param args the values for the key's places {@code {0}}, {@code {1}} …
 */
public record Problem(String key, List<Object> args) {

    public Problem {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem of(String key, Object... args) {
        return new Problem(key, Arrays.asList(args));
    }

    /** A failure that may carry a {@link Problem}: the English message is its own, the key is for translations. */
    public interface Carrier {

        /** The problem, or null when there is only the English message. */
        Problem problem();

        /** The message key, or null when there is only the English message. */
        default String key() {
            return problem() == null ? null : problem().key();
        }

        /** The values for the key's places (empty when there is no key). */
        default List<Object> args() {
            return problem() == null ? List.of() : problem().args();
        }
    }
}

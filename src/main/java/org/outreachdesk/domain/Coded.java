package org.outreachdesk.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants have a short code that users and files use (for example {@code TGW} or
 * {@code known_positive}). Codes are stable: they are written in registers and read by scripts.
 */
public interface Coded {

    /** The code as users type it and files carry it. */
    String code();

    /** Finds the constant whose code matches {@code text}, ignoring case and surrounding blanks. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The codes of all constants, in declaration order, for "expected one of …" messages. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
    }
}

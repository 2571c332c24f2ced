package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One field of one record, before and after a change. Values are text in one canonical form, so that the
 * history can be shown, compared and (issue 15) replayed on another laptop: ISO dates, enum names, UUIDs,
 * decimal numbers, {@code true}/{@code false}; {@code null} for empty. Use {@link #of(String, Object, Object)}.
 */
public record FieldChange(String field, String oldValue, String newValue) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        if (Objects.equals(oldValue, newValue)) {
            throw new IllegalArgumentException("field " + field + " did not change");
        }
    }

    /** The change of {@code field} from {@code before} to {@code after}, in canonical text. */
    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, text(before), text(after));
    }

    /** True when the two values differ in canonical text (so a change would be recorded). */
    public static boolean differs(Object before, Object after) {
        return !Objects.equals(text(before), text(after));
    }

    /** The canonical text of a value. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalDate || value instanceof UUID || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("no canonical text for " + value.getClass().getSimpleName());
    }
}

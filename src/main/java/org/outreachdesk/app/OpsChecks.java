package org.outreachdesk.app;

import java.time.LocalDate;

import org.outreachdesk.store.ConcurrentChangeException;

/**
 * Input rules shared by the coordinators' services (directory, sites, staff, stock, referrals,
 * incidents). Every failure is an {@link InvalidInputException} whose message names the field, never
 * what was typed.
 */
final class OpsChecks {

    static final int MAX_PAGE = 500;

    private OpsChecks() {
    }

    /** Trimmed text, or null when blank; fails when longer than {@code max}. */
    static String optionalText(String text, int max, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new InvalidInputException(field + " is too long (at most " + max + " characters)");
        }
        return t;
    }

    /** Trimmed text that must be given. */
    static String requiredText(String text, int max, String field) {
        String t = optionalText(text, max, field);
        if (t == null) {
            throw new InvalidInputException(field + " is required");
        }
        return t;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }

    /** A date that is given and not after {@code today}. */
    static LocalDate pastOrToday(LocalDate date, LocalDate today, String field) {
        required(date, field);
        if (date.isAfter(today)) {
            throw new InvalidInputException(field + " cannot be in the future");
        }
        return date;
    }

    static void page(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("a page must start at 0 or later and hold 1-" + MAX_PAGE + " rows");
        }
    }

    /** Runs a write, turning "changed elsewhere" into a message the user can act on. */
    static <T> T concurrently(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ConcurrentChangeException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}

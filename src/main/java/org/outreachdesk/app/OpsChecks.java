package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import org.outreachdesk.store.ConcurrentChangeException;

/**
 * Input rules shared by the coordinators' services (directory, sites, staff, stock, referrals,
 * incidents). Every failure is an {@link InvalidInputException} whose message names the field, never
 * what was typed.
 */
final class OpsChecks {

    static final int MAX_PAGE = 500;

    /**
     * The fields the services name, with their word keys ({@code error.word.<key>} in the desktop's bundles): the
     * English name stays in the message, the desktop shows the word in the user's language.
     */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("The organisation's name", "orgName"),
            Map.entry("The description", "description"),
            Map.entry("The public number", "publicPhone"),
            Map.entry("The location", "location"),
            Map.entry("The incident", "incident"),
            Map.entry("The incident date", "incidentDate"),
            Map.entry("The incident type", "incidentType"),
            Map.entry("The perpetrator", "perpetrator"),
            Map.entry("The support note", "supportNote"),
            Map.entry("The referral's service", "referralService"),
            Map.entry("The filter", "filter"),
            Map.entry("The referral", "referral"),
            Map.entry("The outcome", "outcome"),
            Map.entry("The outcome date", "outcomeDate"),
            Map.entry("The site name", "siteName"),
            Map.entry("The venue type", "venueType"),
            Map.entry("The district", "district"),
            Map.entry("The commune", "commune"),
            Map.entry("The staff kind", "staffKind"),
            Map.entry("The team", "team"),
            Map.entry("The commodity", "commodity"),
            Map.entry("The date", "date"),
            Map.entry("The note", "note"),
            Map.entry("The reason", "reason"),
            Map.entry("The made date", "madeDate"),
            Map.entry("The service", "service"));

    /** The records a concurrent change can hit ({@link ConcurrentChangeException#what()}), with their word keys. */
    private static final Map<String, String> RECORDS = Map.of(
            "contact", "record.contact",
            "site", "record.site",
            "staff", "record.staff",
            "referral", "record.referral",
            "directory entry", "record.directoryEntry",
            "encounter", "record.encounter",
            "movement", "record.movement",
            "incident", "record.incident",
            "user", "record.user");

    private OpsChecks() {
    }

    /** A failure about {@code field}: keyed {@code key} with the field's word first when the field is known. */
    private static InvalidInputException invalid(String message, String key, String field, Object... more) {
        InvalidInputException e = new InvalidInputException(message);
        String word = FIELDS.get(field);
        if (word != null) {
            Object[] args = new Object[more.length + 1];
            args[0] = new AppException.Word(word, field);
            System.arraycopy(more, 0, args, 1, more.length);
            e.keyed(key, args);
        }
        return e;
    }

    /** "The {what} was changed elsewhere" for the desktop, keyed with the record's word. */
    static InvalidInputException changedElsewhere(ConcurrentChangeException e) {
        InvalidInputException failure = new InvalidInputException(e.getMessage());
        String word = RECORDS.get(e.what());
        if (word != null) {
            failure.keyed("changedElsewhere", new AppException.Word(word, e.what()));
        }
        return failure;
    }

    /** Trimmed text, or null when blank; fails when longer than {@code max}. */
    static String optionalText(String text, int max, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw invalid(field + " is too long (at most " + max + " characters)", "ops.tooLong", field, max);
        }
        return t;
    }

    /** Trimmed text that must be given. */
    static String requiredText(String text, int max, String field) {
        String t = optionalText(text, max, field);
        if (t == null) {
            throw invalid(field + " is required", "ops.required", field);
        }
        return t;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required", "ops.required", field);
        }
        return value;
    }

    /** A date that is given and not after {@code today}. */
    static LocalDate pastOrToday(LocalDate date, LocalDate today, String field) {
        required(date, field);
        if (date.isAfter(today)) {
            throw invalid(field + " cannot be in the future", "ops.future", field);
        }
        return date;
    }

    static void page(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("a page must start at 0 or later and hold 1-" + MAX_PAGE + " rows")
                    .keyed("ops.page", MAX_PAGE);
        }
    }

    /** Runs a write, turning "changed elsewhere" into a message the user can act on. */
    static <T> T concurrently(Supplier<T> write) {
        try {
            return write.get();
        } catch (ConcurrentChangeException e) {
            throw changedElsewhere(e);
        }
    }
}

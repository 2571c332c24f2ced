package org.outreachdesk.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Unique Identifier Code of a contact: {@code M1 M2 F1 F2 S DD MM YY} — first two letters of the
 * mother's and of the father's first name, sex at birth (1 male, 2 female, 3 other, 9 unknown), and day,
 * month and two-digit year of birth, e.g. {@code SOCH2150398}. Unknown letters and date parts are
 * {@code 9}/{@code 99}. The parts are used once to compute the code and never stored.
 *
 * <p>The code is personal data in itself: it never appears in a log line or an exception message; this
 * class's {@link #toString()} masks it.
 */
public final class Uic {

    public static final int LENGTH = 11;

    private final String value;

    private Uic(String value) {
        this.value = value;
    }

    /** Sex at birth as the UIC encodes it. */
    public enum SexAtBirth {
        MALE('1'), FEMALE('2'), OTHER('3'), UNKNOWN('9');

        private final char digit;

        SexAtBirth(char digit) {
            this.digit = digit;
        }

        public char digit() {
            return digit;
        }
    }

    /**
     * Normalises typed or imported text (case and blanks ignored) and checks it is a well-formed code.
     *
     * @throws InvalidUicException naming what is wrong, without repeating the text
     */
    public static Uic parse(String text) {
        if (text == null) {
            throw new InvalidUicException("uic.empty", "is empty");
        }
        String v = normalise(text);
        if (v.isEmpty()) {
            throw new InvalidUicException("uic.empty", "is empty");
        }
        if (v.length() != LENGTH) {
            throw new InvalidUicException("uic.length", "has " + v.length() + " characters, expected " + LENGTH,
                    v.length(), LENGTH);
        }
        for (int i = 0; i < 4; i++) {
            char c = v.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '9') {
                throw new InvalidUicException("uic.letter", "character " + (i + 1) + " must be a letter A-Z or 9",
                        i + 1);
            }
        }
        char sex = v.charAt(4);
        if (sex != '1' && sex != '2' && sex != '3' && sex != '9') {
            throw new InvalidUicException("uic.sex", "character 5 (sex at birth) must be 1, 2, 3 or 9");
        }
        for (int i = 5; i < LENGTH; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                throw new InvalidUicException("uic.digits", "characters 6-11 (birth date DDMMYY) must be digits");
            }
        }
        int day = Integer.parseInt(v.substring(5, 7));
        int month = Integer.parseInt(v.substring(7, 9));
        if (day != 99 && (day < 1 || day > 31)) {
            throw new InvalidUicException("uic.day", "birth day must be 01-31 or 99");
        }
        if (month != 99 && (month < 1 || month > 12)) {
            throw new InvalidUicException("uic.month", "birth month must be 01-12 or 99");
        }
        if (day != 99 && month != 99 && day > maxDay(month)) {
            throw new InvalidUicException("uic.noDay", "birth day does not exist in that month");
        }
        return new Uic(v);
    }

    /** Like {@link #parse(String)} but answers empty instead of throwing. */
    public static Optional<Uic> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidUicException e) {
            return Optional.empty();
        }
    }

    /**
     * Builds the code from the answers a person gives at the first meeting. Names are reduced to
     * uppercase Latin letters (accents removed; spaces, hyphens, apostrophes dropped); a name part that is
     * unknown or shorter than two letters is filled with {@code 9}.
     *
     * Any of the birth-date parts may be null when unknown.
     */
    public static Uic build(String motherFirstName, String fatherFirstName, SexAtBirth sex,
                            Integer birthDay, Integer birthMonth, Integer birthYear) {
        Objects.requireNonNull(sex, "sex");
        StringBuilder b = new StringBuilder(LENGTH)
                .append(namePart(motherFirstName))
                .append(namePart(fatherFirstName))
                .append(sex.digit())
                .append(twoDigits(birthDay, 1, 31, "birth day"))
                .append(twoDigits(birthMonth, 1, 12, "birth month"))
                .append(birthYear == null ? "99" : twoDigits(Math.floorMod(birthYear, 100), 0, 99, "birth year"));
        return parse(b.toString());
    }

    /** The two characters a name contributes: its first two Latin letters, padded with 9. */
    static String namePart(String name) {
        String letters = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFD)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]", "");
        String part = letters.length() >= 2 ? letters.substring(0, 2) : letters;
        return (part + "99").substring(0, 2);
    }

    private static String twoDigits(Integer n, int min, int max, String what) {
        if (n == null) {
            return "99";
        }
        if (n < min || n > max) {
            throw new InvalidUicException(what + " must be " + min + "-" + max);
        }
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static int maxDay(int month) {
        return switch (month) {
            case 2 -> 29;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Typed, scanned or imported text as codes are stored: upper case, without blanks (no-break spaces too) or
     * hyphens. Characters a UIC cannot hold are kept (so a search with them finds nothing); null is empty. The one
     * normalisation of UIC text: parsing, looking up, searching by prefix and comparing what is typed all use it.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '\u00a0') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** The code itself, for storage and for showing to the worker who entered it. */
    public String value() {
        return value;
    }

    /** The birth-date part {@code DDMMYY}. */
    public String birthDatePart() {
        return value.substring(5);
    }

    /** The two-digit birth year the code carries ({@code 99} when unknown). */
    public int birthYearDigits() {
        return Integer.parseInt(value.substring(9, 11));
    }

    /** Whether the two codes carry the same birth date (day, month, year parts). */
    public boolean sameBirthDate(Uic other) {
        return birthDatePart().equals(other.birthDatePart());
    }

    /**
     * Whether {@code other} is a likely typo of this code: different, same birth date, and one edit apart
     * (one character changed, or two neighbouring characters swapped).
     */
    public boolean isNearDuplicateOf(Uic other) {
        return !equals(other) && sameBirthDate(other) && editDistance(value, other.value) == 1;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The birth date encoded, when day, month and a plausible century are known (for age checks). */
    public Optional<LocalDate> birthDate(int referenceYear) {
        int dd = Integer.parseInt(value.substring(5, 7));
        int mm = Integer.parseInt(value.substring(7, 9));
        int yy = Integer.parseInt(value.substring(9, 11));
        if (dd == 99 || mm == 99 || yy == 99) {
            return Optional.empty();
        }
        int century = referenceYear - Math.floorMod(referenceYear, 100);
        int year = century + yy;
        if (year > referenceYear) {
            year -= 100;
        }
        try {
            return Optional.of(LocalDate.of(year, mm, dd));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uic other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that a code never reaches a log by accident. Use {@link #value()} deliberately. */
    @Override
    public String toString() {
        return "Uic[***]";
    }
}

package org.outreachdesk.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How old a contact is on a date, from what is recorded: the full birth date the UIC carries when day, month
 * and year are known (the century taken from the birth year, or else the latest one not in the future),
 * otherwise the year difference from the birth year (the report rule), otherwise the UIC's two-digit year.
 */
public final class Age {

    /** Someone younger than this is a child: never recorded as a sex worker (a child-protection case). */
    public static final int ADULT = 18;

    private Age() {
    }

    /** Age in whole years on {@code on}; empty when nothing tells it. */
    public static OptionalInt yearsAt(Uic uic, Integer birthYear, LocalDate on) {
        if (uic != null) {
            int yy = uic.birthYearDigits();
            int reference = birthYear != null && yy != 99 && Math.floorMod(birthYear, 100) == yy
                    ? birthYear : on.getYear();
            Optional<LocalDate> dob = uic.birthDate(reference);
            if (dob.isPresent() && !dob.get().isAfter(on)) {
                return OptionalInt.of(Period.between(dob.get(), on).getYears());
            }
        }
        if (birthYear != null) {
            return OptionalInt.of(on.getYear() - birthYear);
        }
        if (uic != null && uic.birthYearDigits() != 99) {
            int century = on.getYear() - Math.floorMod(on.getYear(), 100);
            int year = century + uic.birthYearDigits();
            if (year > on.getYear()) {
                year -= 100;
            }
            return OptionalInt.of(on.getYear() - year);
        }
        return OptionalInt.empty();
    }

    /** Whether what is recorded says the person is under 18 on {@code on}. */
    public static boolean isUnder18(Uic uic, Integer birthYear, LocalDate on) {
        OptionalInt years = yearsAt(uic, birthYear, on);
        return years.isPresent() && years.getAsInt() < ADULT;
    }

    /**
     * Whether recording someone with this key-population type on {@code on} would record a child as a sex
     * worker, which is never allowed: the safeguarding protocol applies instead.
     */
    public static boolean wouldRecordChildAsSexWorker(KpType kpType, Uic uic, Integer birthYear, LocalDate on) {
        return kpType != null && kpType.isSexWork() && isUnder18(uic, birthYear, on);
    }

    /** A plausible birth year for someone met on {@code today}: from 1900 to this year. */
    public static boolean isPlausibleBirthYear(int year, LocalDate today) {
        return year >= 1900 && year <= today.getYear();
    }
}

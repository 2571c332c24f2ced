package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One register row as the import understood it, for the preview: the date read, the UIC normalised, the
 * codes mapped, and whether it brings a new contact and a new encounter. {@link #toString()} hides the UIC
 * and the HIV status.
 *
 * @param row          spreadsheet row number
 * @param birthYear    the birth year given or computed from the age (null when neither was given)
 * @param hivStatus    null when blank
 * @param hasNotes     whether the row carries notes (the notes themselves are not previewed)
 * @param newContact   whether the row's UIC is not yet in the vault
 * @param newEncounter whether the row adds an encounter (false when it is already recorded)
 */
public record ImportPreviewRow(int row, LocalDate date, Uic uic, String worker, String site, Gender gender,
                               Integer birthYear, KpType kpType, Encounter.Quantities quantities,
                               HivStatus hivStatus, Set<ServiceType> referrals, boolean hasNotes,
                               boolean newContact, boolean newEncounter) {

    public ImportPreviewRow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(uic, "uic");
        Objects.requireNonNull(quantities, "quantities");
        referrals = Set.copyOf(referrals);
    }

    @Override
    public String toString() {
        return "ImportPreviewRow[row=" + row + "]";
    }
}

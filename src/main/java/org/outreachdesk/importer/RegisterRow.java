package org.outreachdesk.importer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Uic;

/**
 * One valid register row, as understood: the visit's date, the normalised UIC, the worker's and site's
 * codes (normalised), the person's gender, birth year (given, or visit year − age) and KP type, the
 * quantities handed out, the HIV status (null when blank), the referrals made and the notes (null when
 * blank). {@link #toString()} shows the row number only.
 */
record RegisterRow(int row, LocalDate date, Uic uic, String worker, String site, Gender gender, Integer birthYear,
                   KpType kpType, Encounter.Quantities quantities, HivStatus hivStatus, Set<ServiceType> referrals,
                   String notes) {

    /** Whether two rows describe the same encounter with the same values (an exact repeat). */
    boolean sameVisitAs(RegisterRow o) {
        return date.equals(o.date) && uic.equals(o.uic) && worker.equals(o.worker) && site.equals(o.site)
                && gender == o.gender && Objects.equals(birthYear, o.birthYear) && kpType == o.kpType
                && quantities.equals(o.quantities) && hivStatus == o.hivStatus && referrals.equals(o.referrals)
                && Objects.equals(notes, o.notes);
    }

    @Override
    public String toString() {
        return "RegisterRow[row=" + row + "]";
    }
}

package org.outreachdesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * What importing a register does (or, after an import, did): counts of contacts, encounters and referrals,
 * the sites and staff that are created, a preview of the first rows as understood, and every problem
 * found. A register with any problem is not imported at all.
 *
 * @param fileName           the file's name (without its folder)
 * @param sha256             hex SHA-256 of the file's bytes (identifies the file in the audit trail)
 * @param rows               data rows read (blank rows not counted)
 * @param blankRows          blank rows skipped
 * @param contactsNew        contacts the register creates (one per new UIC)
 * @param contactsMatched    UICs of the register already in the vault
 * @param encountersNew      encounters the register adds
 * @param encountersPresent  rows whose encounter (same contact, date, worker and site) is already recorded
 *                           or repeated in the file
 * @param referralsNew       pending referrals the register adds
 * @param sitesNew           codes of sites that are created, sorted
 * @param staffNew           codes of staff that are created, sorted
 * @param preview            the first rows as understood
 * @param problems           problems in row order (at most {@link #MAX_PROBLEMS_LISTED})
 * @param problemCount       how many problems there are in all
 */
public record ImportPlan(String fileName, String sha256, int rows, int blankRows, int contactsNew,
                         int contactsMatched, int encountersNew, int encountersPresent, int referralsNew,
                         List<String> sitesNew, List<String> staffNew, List<ImportPreviewRow> preview,
                         List<ImportProblem> problems, int problemCount) {

    /** Problems beyond this many are counted, not listed (a register of garbage must not exhaust memory). */
    public static final int MAX_PROBLEMS_LISTED = 100_000;

    /** Rows the preview shows. */
    public static final int PREVIEW_ROWS = 20;

    public ImportPlan {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        sitesNew = List.copyOf(sitesNew);
        staffNew = List.copyOf(staffNew);
        preview = List.copyOf(preview);
        problems = List.copyOf(problems);
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount is less than the problems listed");
        }
    }

    /** Whether the register can be imported (no problem at all). */
    public boolean isValid() {
        return problemCount == 0;
    }

    /** Distinct rows with at least one problem, among those listed. */
    public long rowsWithProblems() {
        return problems.stream().mapToInt(ImportProblem::row).distinct().count();
    }

    /**
     * Identifiers and counts only, for the audit trail: never content.
     */
    public String auditDetail() {
        return "sha256=" + sha256 + " rows=" + rows + " contacts_new=" + contactsNew + " contacts_matched="
                + contactsMatched + " encounters_new=" + encountersNew + " encounters_present=" + encountersPresent
                + " referrals_new=" + referralsNew + " sites_new=" + sitesNew.size() + " staff_new=" + staffNew.size();
    }

    @Override
    public String toString() {
        return "ImportPlan[rows=" + rows + ", problems=" + problemCount + "]";
    }
}

package org.outreachdesk.domain;

/** What a {@link RecordChange} did to its record. */
public enum ChangeKind {
    /** New values for some fields. */
    CORRECT,
    /** The record was voided (field {@code voided} false → true, with a reason). */
    VOID,
    /** This contact was merged into another one (field {@code mergedInto}); its UIC became an alias. */
    MERGE,
    /** The contact's UIC was corrected (field {@code uic}); the old code became an alias. */
    UIC,
    /** The record moved to another contact because its contact was merged (field {@code contactId}). */
    MOVE
}

package org.outreachdesk.domain;

/** The result of checking the audit chain: intact with its length, or where and how it is broken. */
public record AuditVerification(boolean intact, long entriesChecked, long brokenAtSeq, String problem) {

    public static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, 0, null);
    }

    public static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(false, checked, seq, problem);
    }
}

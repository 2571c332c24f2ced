package org.outreachdesk.domain;

/** Gender as recorded for a contact. Donor tables group these into four columns, see {@link #donorColumn()}. */
public enum Gender implements Coded {
    F, M, TGW, TGM, O, U;

    @Override
    public String code() {
        return name();
    }

    /** The gender column of donor tables this gender is counted in. */
    public DonorGender donorColumn() {
        return switch (this) {
            case F -> DonorGender.FEMALE;
            case M -> DonorGender.MALE;
            case TGW, TGM -> DonorGender.TRANSGENDER;
            case O, U -> DonorGender.OTHER_OR_UNKNOWN;
        };
    }

    /** The gender columns of donor tables. */
    public enum DonorGender {
        FEMALE, MALE, TRANSGENDER, OTHER_OR_UNKNOWN
    }
}

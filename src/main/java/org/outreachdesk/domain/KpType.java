package org.outreachdesk.domain;

/** Key-population type of a contact. FEW (female entertainment worker) is Cambodia's term and reports as FSW. */
public enum KpType implements Coded {
    FSW, FEW, MSM, TG, PWID, OTHER;

    @Override
    public String code() {
        return name();
    }

    /** The row of donor tables this type is counted in: FSW and FEW both report as FSW. */
    public DonorKp donorRow() {
        return switch (this) {
            case FSW, FEW -> DonorKp.FSW;
            case MSM -> DonorKp.MSM;
            case TG -> DonorKp.TG;
            case PWID -> DonorKp.PWID;
            case OTHER -> DonorKp.OTHER;
        };
    }

    /** Whether recording this type means recording the person as selling sex (never allowed under 18). */
    public boolean isSexWork() {
        return this == FSW || this == FEW;
    }

    /** Key-population rows of donor tables. */
    public enum DonorKp {
        FSW, MSM, TG, PWID, OTHER
    }
}

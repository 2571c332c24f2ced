package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One contact met on one date by one worker at one site. {@code hivStatus} may be null (not asked).
 * {@code voidReason} is null for a live encounter; a voided one (issue 14) is kept with its reason and left out of
 * every count. {@link #toString()} hides the HIV status and the note.
 */
public record Encounter(RecordMeta meta, UUID contactId, LocalDate date, UUID staffId, UUID siteId,
                        EncounterType type, boolean education, boolean condomDemo, Quantities quantities,
                        HivStatus hivStatus, boolean stiScreened, String note, VoidReason voidReason) {

    /** A live (not voided) encounter. */
    public Encounter(RecordMeta meta, UUID contactId, LocalDate date, UUID staffId, UUID siteId,
                     EncounterType type, boolean education, boolean condomDemo, Quantities quantities,
                     HivStatus hivStatus, boolean stiScreened, String note) {
        this(meta, contactId, date, staffId, siteId, type, education, condomDemo, quantities, hivStatus, stiScreened,
                note, null);
    }

    public Encounter {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantities, "quantities");
    }

    public UUID id() {
        return meta.id();
    }

    /** Whether this encounter was voided (kept, left out of every count). */
    public boolean voided() {
        return voidReason != null;
    }

    @Override
    public String toString() {
        return "Encounter[id=" + meta.id() + ", date=" + date + (voided() ? ", voided" : "") + "]";
    }

    /** Commodities handed out at one encounter. */
    public record Quantities(int maleCondoms, int femaleCondoms, int lubricants, int hivSelfTests) {

        public static final Quantities NONE = new Quantities(0, 0, 0, 0);

        public Quantities {
            if (maleCondoms < 0 || femaleCondoms < 0 || lubricants < 0 || hivSelfTests < 0) {
                throw new IllegalArgumentException("quantities must not be negative");
            }
        }

        public int of(Commodity c) {
            return switch (c) {
                case MALE_CONDOM -> maleCondoms;
                case FEMALE_CONDOM -> femaleCondoms;
                case LUBRICANT -> lubricants;
                case HIV_SELF_TEST -> hivSelfTests;
            };
        }
    }
}

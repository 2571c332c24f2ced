package org.outreachdesk.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.store.Tx;

/**
 * Throwaway generator of plausible, entirely synthetic data for screenshots and the report benchmark, inserted
 * in batches through the store's repositories (one transaction per batch). Deterministic for a seed.
 */
public final class SyntheticData {

    private static final int BATCH = 20_000;

    private SyntheticData() {
    }

    /**
     * @param writer runs one batch in one transaction (a workspace's or a bare database's write)
     */
    public static void generate(Consumer<Function<Tx, Object>> writer, int contacts, int encounters, YearMonth last,
                                int months, long seed, RecordMeta.Author author, Instant now) {
        Random rnd = new Random(seed);
        LocalDate first = last.minusMonths(months - 1L).atDay(1);
        LocalDate end = last.atEndOfMonth();
        int days = (int) ChronoUnit.DAYS.between(first, end) + 1;
        List<Site> sites = new ArrayList<>();
        VenueType[] venues = VenueType.values();
        for (int i = 0; i < Math.max(8, contacts / 600); i++) {
            VenueType v = venues[i % venues.length];
            sites.add(new Site(RecordMeta.create(author, now), String.format("%s-%03d", prefix(v), i + 1),
                    "Hotspot " + (i + 1), v, "District " + (i % 5 + 1), null,
                    i % 9 == 8 ? null : 20 + rnd.nextInt(200), true));
        }
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            staff.add(new Staff(RecordMeta.create(author, now), String.format("SW%02d", i + 1),
                    StaffKind.OUTREACH_WORKER, "Team " + (char) ('A' + i % 3), true));
        }
        writer.accept(tx -> {
            sites.forEach(tx.sites()::insert);
            staff.forEach(tx.staff()::insert);
            return null;
        });
        UUID[] ids = new UUID[contacts];
        int[] home = new int[contacts];
        int[] start = new int[contacts];
        Set<String> uics = new HashSet<>();
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            String uic;
            do {
                uic = "" + letter(rnd) + letter(rnd) + letter(rnd) + letter(rnd) + "2"
                        + String.format("%02d%02d%02d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12), rnd.nextInt(100));
            } while (!uics.add(uic));
            home[i] = rnd.nextInt(sites.size());
            // a third were clients before the window; the others arrive evenly over it
            start[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(days);
            Contact c = new Contact(RecordMeta.create(author, now), Uic.parse(uic),
                    rnd.nextInt(10) == 0 ? null : 1972 + rnd.nextInt(36), gender(rnd), kp(rnd),
                    first.plusDays(start[i]), sites.get(home[i]).meta().id(), null, ContactStatus.ACTIVE, null, null);
            ids[i] = c.id();
            batch.add(c);
            if (batch.size() == BATCH) {
                flushContacts(writer, batch);
            }
        }
        flushContacts(writer, batch);
        Set<Long> keys = new HashSet<>();
        List<Encounter> enc = new ArrayList<>();
        List<Referral> refs = new ArrayList<>();
        int made = 0;
        while (made < encounters) {
            int c = rnd.nextInt(contacts);
            int day = start[c] + rnd.nextInt(days - start[c]);
            int site = rnd.nextInt(5) == 0 ? rnd.nextInt(sites.size()) : home[c];
            int w = (home[c] + (rnd.nextInt(4) == 0 ? 1 : 0)) % staff.size();
            long key = (((long) c * 4096 + day) * 256 + site) * 16 + w;
            if (!keys.add(key)) {
                continue;
            }
            made++;
            LocalDate date = first.plusDays(day);
            Encounter e = new Encounter(RecordMeta.create(author, now), ids[c], date, staff.get(w).meta().id(),
                    sites.get(site).meta().id(), EncounterType.INDIVIDUAL, rnd.nextBoolean(), rnd.nextInt(3) == 0,
                    new Encounter.Quantities(rnd.nextInt(20), rnd.nextInt(8) == 0 ? 2 : 0, rnd.nextInt(10),
                            rnd.nextInt(15) == 0 ? 1 : 0), hiv(rnd), rnd.nextInt(6) == 0, null);
            enc.add(e);
            if (rnd.nextInt(25) == 0) {
                ServiceType t = rnd.nextInt(3) == 0 ? ServiceType.HTS
                        : ServiceType.values()[rnd.nextInt(ServiceType.values().length)];
                ReferralStatus st = ReferralStatus.values()[rnd.nextInt(ReferralStatus.values().length)];
                refs.add(new Referral(RecordMeta.create(author, now), ids[c], e.id(), t, null, date, date.plusDays(14),
                        st, st.isClosed() ? date.plusDays(rnd.nextInt(20)) : null, null));
            }
            if (enc.size() == BATCH) {
                flushEncounters(writer, enc, refs);
            }
        }
        flushEncounters(writer, enc, refs);
    }

    private static void flushContacts(Consumer<Function<Tx, Object>> writer, List<Contact> batch) {
        List<Contact> copy = List.copyOf(batch);
        batch.clear();
        writer.accept(tx -> {
            copy.forEach(tx.contacts()::insert);
            return null;
        });
    }

    private static void flushEncounters(Consumer<Function<Tx, Object>> writer, List<Encounter> enc, List<Referral> refs) {
        List<Encounter> e = List.copyOf(enc);
        List<Referral> r = List.copyOf(refs);
        enc.clear();
        refs.clear();
        writer.accept(tx -> {
            e.forEach(tx.encounters()::insert);
            r.forEach(tx.referrals()::insert);
            return null;
        });
    }

    private static String prefix(VenueType v) {
        return switch (v) {
            case KTV -> "KTV";
            case BEER_GARDEN -> "BEER";
            case GUESTHOUSE -> "GH";
            case MASSAGE -> "MAS";
            case STREET -> "ST";
            case PRIVATE -> "PRV";
            case OTHER -> "OTH";
        };
    }

    private static char letter(Random rnd) {
        return (char) ('A' + rnd.nextInt(26));
    }

    private static Gender gender(Random rnd) {
        int p = rnd.nextInt(100);
        return p < 80 ? Gender.F : p < 88 ? Gender.M : p < 94 ? Gender.TGW : p < 95 ? Gender.TGM : p < 97 ? Gender.O
                : Gender.U;
    }

    private static KpType kp(Random rnd) {
        int p = rnd.nextInt(100);
        return p < 45 ? KpType.FSW : p < 80 ? KpType.FEW : p < 88 ? KpType.MSM : p < 95 ? KpType.TG : p < 98
                ? KpType.PWID : KpType.OTHER;
    }

    private static HivStatus hiv(Random rnd) {
        int p = rnd.nextInt(100);
        return p < 40 ? null : p < 65 ? HivStatus.NOT_REQUIRED : p < 80 ? HivStatus.TESTED : p < 88
                ? HivStatus.REFERRED_FOR_TEST : p < 95 ? HivStatus.DECLINED : HivStatus.KNOWN_POSITIVE;
    }
}

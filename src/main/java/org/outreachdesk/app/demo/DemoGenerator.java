package org.outreachdesk.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.outreachdesk.app.Permission;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/**
 * Believable synthetic data for demos and the benchmark: sites of every venue type with estimated sizes,
 * staff, contacts with a realistic mix of gender, key-population type and age, encounters month by month
 * with return visits and drop-outs, commodities, referrals with follow-up outcomes, a few incidents and
 * safeguarding screens. Everything, ids included, follows from the seed: the same spec gives the same data.
 * Nobody in it is real; no contact is under 18.
 */
public final class DemoGenerator {

    /** Vault setting that marks demo data (the window title says so). */

    private static final String[] DISTRICTS = {"Sampov Meas", "Bakan", "Kandieng", "Krakor", "Phnum Kravanh",
        "Veal Veaeng", "Ta Lou Senchey"};
    private static final String[] SITE_WORDS = {"Sovann", "Mealea", "Reaksmey", "Bopha", "Chan", "Kolab", "Tep",
        "Sokha", "Pich", "Rasmey", "Leakhena", "Monorom"};

    private final Workspace ws;
    private final DemoSpec spec;
    private final Random rnd;
    private final RecordMeta.Author author;
    private final LocalDate today;

    public DemoGenerator(Workspace ws, DemoSpec spec) {
        this.ws = ws;
        this.spec = spec;
        this.rnd = new Random(spec.seed());
        this.author = ws.author();
        this.today = ws.today();
    }

    /** What was made. */
    public record Summary(int sites, int staff, int contacts, long encounters, long referrals, int incidents,
                          int screens) {
    }

    /** Per-contact state while months are generated. */
    private static final class Person {
        Contact contact;
        int firstMonth;
        int lastMonth;
        int positiveFrom;
        double visitRate;
    }

    /** Fills the workspace's vault (admin only). One audited transaction per month keeps memory flat. */
    public Summary generate() {
        ws.require(Permission.ADMINISTER);
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(spec.months() - 1L);
        List<Site> sites = makeSites();
        List<Staff> staff = makeStaff(sites.size());
        ws.write(Permission.ADMINISTER, AuditAction.IMPORT, "demo", null,
                "demo sites=" + sites.size() + " staff=" + staff.size(), tx -> {
                    sites.forEach(tx.sites()::insert);
                    staff.forEach(tx.staff()::insert);
                    tx.settings().put(SettingKey.DEMO_DATA, "true", author.userId(), ws.clock().instant());
                    return null;
                });
        List<Person> people = makePeople(sites, staff, first);
        double rate = visitRate(people);
        people.forEach(p -> p.visitRate = rate * (0.5 + rnd.nextDouble()));

        long encounters = 0;
        long referrals = 0;
        int incidents = 0;
        int screens = 0;
        for (int m = 0; m < spec.months(); m++) {
            YearMonth month = first.plusMonths(m);
            Month batch = month(m, month, people, sites, staff);
            encounters += batch.encounters.size();
            referrals += batch.referrals.size();
            incidents += batch.incidents.size();
            screens += batch.screens.size();
            ws.write(Permission.ADMINISTER, AuditAction.IMPORT, "demo", null,
                    "demo month " + month + " contacts=" + batch.contacts.size() + " encounters="
                            + batch.encounters.size(), tx -> {
                        tx.contacts().insertAll(batch.contacts);
                        tx.encounters().insertAll(batch.encounters);
                        tx.referrals().insertAll(batch.referrals);
                        tx.stock().insertAll(batch.movements);
                        batch.incidents.forEach(tx.incidents()::insert);
                        batch.screens.forEach(tx.safeguarding()::insert);
                        return null;
                    });
        }
        return new Summary(sites.size(), staff.size(), people.size(), encounters, referrals, incidents, screens);
    }

    private static final class Month {
        final List<Contact> contacts = new ArrayList<>();
        final List<Encounter> encounters = new ArrayList<>();
        final List<Referral> referrals = new ArrayList<>();
        final List<CommodityMovement> movements = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
        final List<SafeguardingScreen> screens = new ArrayList<>();
    }

    private Month month(int m, YearMonth month, List<Person> people, List<Site> sites, List<Staff> staff) {
        Month out = new Month();
        Map<Commodity, Integer> handedOut = new EnumMap<>(Commodity.class);
        int lastDay = month.equals(YearMonth.from(today)) ? today.getDayOfMonth() : month.lengthOfMonth();
        for (Person p : people) {
            if (m < p.firstMonth || m > p.lastMonth) {
                continue;
            }
            int visits = m == p.firstMonth ? 1 : poisson(p.visitRate);
            Set<String> seen = new HashSet<>();
            for (int v = 0; v < visits; v++) {
                LocalDate date = m == p.firstMonth && v == 0 ? p.contact.firstContactDate()
                        : month.atDay(1 + rnd.nextInt(lastDay));
                UUID siteId = rnd.nextDouble() < 0.85 ? p.contact.homeSiteId() : pick(sites).meta().id();
                UUID staffId = rnd.nextDouble() < 0.8 ? p.contact.assignedStaffId() : pick(staff).meta().id();
                if (!seen.add(date + "|" + siteId + "|" + staffId)) {
                    continue; // one encounter per contact, date, worker and site
                }
                Encounter e = encounter(p, m, date, siteId, staffId);
                out.encounters.add(e);
                for (Commodity c : Commodity.values()) {
                    handedOut.merge(c, e.quantities().of(c), Integer::sum);
                }
                if (rnd.nextDouble() < 0.07) {
                    out.referrals.add(referral(p, e));
                }
            }
            if (m == p.firstMonth) {
                out.contacts.add(p.contact);
            }
        }
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atDay(lastDay);
        for (Commodity c : Commodity.values()) {
            int given = handedOut.getOrDefault(c, 0);
            int received = (int) Math.ceil(given * 1.1 / 100.0) * 100 + (c == Commodity.HIV_SELF_TEST ? 10 : 100);
            out.movements.add(new CommodityMovement(meta(monthStart), monthStart, c, MovementKind.RECEIPT, received,
                    null, null, "demo delivery"));
            if (given > 0) {
                out.movements.add(new CommodityMovement(meta(monthEnd), monthEnd, c, MovementKind.ISSUE, -given, null,
                        null, "demo: hand-outs of the month, summed"));
            }
        }
        int incidentCount = poisson(Math.max(0.5, people.size() * 0.002));
        for (int i = 0; i < incidentCount; i++) {
            out.incidents.add(incident(month, lastDay, people, m, sites));
        }
        int screenCount = poisson(Math.max(0.3, people.size() * 0.001));
        for (int i = 0; i < screenCount; i++) {
            out.screens.add(screen(month, lastDay, people, m, sites, staff));
        }
        return out;
    }

    private Encounter encounter(Person p, int m, LocalDate date, UUID siteId, UUID staffId) {
        double r = rnd.nextDouble();
        EncounterType type = r < 0.8 ? EncounterType.INDIVIDUAL : r < 0.95 ? EncounterType.SMALL_GROUP
                : EncounterType.REMOTE;
        int[] condoms = {0, 5, 10, 10, 20, 20, 30};
        Encounter.Quantities q = new Encounter.Quantities(condoms[rnd.nextInt(condoms.length)],
                rnd.nextDouble() < 0.1 ? 2 + rnd.nextInt(4) : 0,
                rnd.nextDouble() < 0.6 ? 5 + rnd.nextInt(6) : 0,
                rnd.nextDouble() < 0.08 ? 1 + rnd.nextInt(2) : 0);
        HivStatus hiv;
        if (m >= p.positiveFrom) {
            hiv = HivStatus.KNOWN_POSITIVE;
        } else {
            double h = rnd.nextDouble();
            hiv = h < 0.08 ? HivStatus.TESTED : h < 0.18 ? HivStatus.REFERRED_FOR_TEST : h < 0.22 ? HivStatus.DECLINED
                    : h < 0.62 ? HivStatus.NOT_REQUIRED : null;
        }
        return new Encounter(meta(date), p.contact.id(), date, staffId, siteId, type, rnd.nextDouble() < 0.7,
                rnd.nextDouble() < 0.3, q, hiv, rnd.nextDouble() < 0.15, null);
    }

    private Referral referral(Person p, Encounter e) {
        ServiceType[] services = {ServiceType.HTS, ServiceType.HTS, ServiceType.HTS, ServiceType.STI, ServiceType.STI,
            ServiceType.FP, ServiceType.PREP, ServiceType.LEGAL, ServiceType.VIOLENCE, ServiceType.LIVELIHOOD,
            ServiceType.MENTAL_HEALTH, ServiceType.PEP};
        ServiceType service = e.hivStatus() == HivStatus.KNOWN_POSITIVE && rnd.nextBoolean() ? ServiceType.ART
                : services[rnd.nextInt(services.length)];
        LocalDate made = e.date();
        LocalDate due = made.plusDays(7);
        ReferralStatus status = ReferralStatus.PENDING;
        LocalDate closed = null;
        if (made.plusDays(21).isBefore(today)) {
            double r = rnd.nextDouble();
            status = r < 0.6 ? ReferralStatus.COMPLETED : r < 0.7 ? ReferralStatus.DECLINED : r < 0.8
                    ? ReferralStatus.LOST : ReferralStatus.PENDING;
            if (status.isClosed()) {
                closed = made.plusDays(1 + rnd.nextInt(20));
            }
        }
        return new Referral(meta(made), p.contact.id(), e.id(), service, null, made, due, status, closed, null);
    }

    private Incident incident(YearMonth month, int lastDay, List<Person> people, int m, List<Site> sites) {
        LocalDate date = month.atDay(1 + rnd.nextInt(lastDay));
        Person p = people.get(rnd.nextInt(people.size()));
        UUID contact = p.firstMonth <= m && rnd.nextBoolean() ? p.contact.id() : null;
        IncidentType[] types = IncidentType.values();
        Perpetrator[] who = Perpetrator.values();
        return new Incident(meta(date), date, pick(sites).meta().id(), contact, types[rnd.nextInt(types.length)],
                who[rnd.nextInt(who.length)], rnd.nextDouble() < 0.7, null, null);
    }

    private SafeguardingScreen screen(YearMonth month, int lastDay, List<Person> people, int m, List<Site> sites,
                                      List<Staff> staff) {
        LocalDate date = month.atDay(1 + rnd.nextInt(lastDay));
        boolean flagged = rnd.nextDouble() < 0.3;
        boolean minor = flagged && rnd.nextDouble() < 0.25; // a minor is never a contact: screen without one
        Person p = people.get(rnd.nextInt(people.size()));
        UUID contact = !minor && p.firstMonth <= m ? p.contact.id() : null;
        return new SafeguardingScreen(meta(date), date, contact, pick(sites).meta().id(), pick(staff).meta().id(),
                flagged && !minor && rnd.nextBoolean(), flagged && !minor && rnd.nextDouble() < 0.3,
                flagged && !minor && rnd.nextDouble() < 0.4, flagged && !minor && rnd.nextDouble() < 0.3, minor,
                flagged, null);
    }

    private List<Site> makeSites() {
        VenueType[] types = VenueType.values();
        Map<VenueType, Integer> numbers = new EnumMap<>(VenueType.class);
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < spec.siteCount(); i++) {
            VenueType t = i < types.length ? types[i] : types[rnd.nextInt(types.length)];
            int n = numbers.merge(t, 1, Integer::sum);
            String prefix = switch (t) {
                case KTV -> "KTV";
                case BEER_GARDEN -> "BG";
                case GUESTHOUSE -> "GH";
                case MASSAGE -> "MSG";
                case STREET -> "ST";
                case PRIVATE -> "PV";
                case OTHER -> "OT";
            };
            String name = switch (t) {
                case STREET -> "Riverside park " + n;
                case PRIVATE -> "Phone-based network " + n;
                default -> SITE_WORDS[rnd.nextInt(SITE_WORDS.length)] + " " + t.name().charAt(0)
                        + t.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n;
            };
            out.add(new Site(meta(LocalDate.of(2020, 1, 1)), String.format("%s-%02d", prefix, n), name, t,
                    DISTRICTS[rnd.nextInt(DISTRICTS.length)], null, 10 + rnd.nextInt(110), true));
        }
        return out;
    }

    private List<Staff> makeStaff(int sites) {
        List<Staff> out = new ArrayList<>();
        int n = Math.max(3, sites / 2);
        for (int i = 0; i < n; i++) {
            boolean peer = i % 3 == 2;
            out.add(new Staff(meta(LocalDate.of(2020, 1, 1)), String.format(peer ? "PE%02d" : "OW%02d", i + 1),
                    peer ? StaffKind.PEER_EDUCATOR : StaffKind.OUTREACH_WORKER, "Team " + (char) ('A' + i % 3), true));
        }
        return out;
    }

    private List<Person> makePeople(List<Site> sites, List<Staff> staff, YearMonth first) {
        List<Person> out = new ArrayList<>(spec.contacts());
        Set<String> uics = new HashSet<>();
        for (int i = 0; i < spec.contacts(); i++) {
            Person p = new Person();
            p.firstMonth = rnd.nextDouble() < 0.3 ? 0 : rnd.nextInt(spec.months());
            // geometric drop-out: about 4 % a month stop being met
            int stay = (int) Math.min(spec.months(), Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(0.96)));
            p.lastMonth = Math.min(spec.months() - 1, p.firstMonth + stay);
            p.positiveFrom = rnd.nextDouble() < 0.04 ? p.firstMonth + rnd.nextInt(3) : Integer.MAX_VALUE;
            YearMonth ym = first.plusMonths(p.firstMonth);
            int lastDay = ym.equals(YearMonth.from(today)) ? today.getDayOfMonth() : ym.lengthOfMonth();
            LocalDate firstDate = ym.atDay(1 + rnd.nextInt(lastDay));
            double r = rnd.nextDouble();
            Gender g;
            KpType kp;
            if (r < 0.62) {
                g = Gender.F;
                kp = KpType.FEW;
            } else if (r < 0.80) {
                g = Gender.F;
                kp = KpType.FSW;
            } else if (r < 0.88) {
                g = Gender.M;
                kp = KpType.MSM;
            } else if (r < 0.94) {
                g = rnd.nextDouble() < 0.85 ? Gender.TGW : Gender.TGM;
                kp = KpType.TG;
            } else if (r < 0.97) {
                g = rnd.nextBoolean() ? Gender.M : Gender.F;
                kp = KpType.PWID;
            } else {
                g = rnd.nextBoolean() ? Gender.O : Gender.U;
                kp = KpType.OTHER;
            }
            int age = 18 + (int) Math.min(32, Math.abs(rnd.nextGaussian() * 8 + 5));
            Integer birthYear = rnd.nextDouble() < 0.05 ? null : firstDate.getYear() - age;
            Uic uic;
            do {
                uic = uic(g, birthYear);
            } while (!uics.add(uic.value()));
            Site home = pick(sites);
            Staff worker = staff.get(Math.floorMod(home.code().hashCode(), staff.size()));
            boolean gone = p.lastMonth < spec.months() - 1;
            LocalDate goneDate = gone ? first.plusMonths(p.lastMonth + 3L).atDay(1) : null;
            if (goneDate != null && goneDate.isAfter(today)) {
                gone = false;
                goneDate = null;
            }
            ContactStatus status = !gone ? ContactStatus.ACTIVE : rnd.nextDouble() < 0.3 ? ContactStatus.MOVED_AWAY
                    : ContactStatus.LOST_TO_FOLLOW_UP;
            p.contact = new Contact(meta(firstDate), uic, birthYear, g, kp, firstDate, home.meta().id(),
                    worker.meta().id(), status, goneDate, null);
            out.add(p);
        }
        return out;
    }

    private Uic uic(Gender g, Integer birthYear) {
        Uic.SexAtBirth sex = switch (g) {
            case F, TGM -> Uic.SexAtBirth.FEMALE;
            case M, TGW -> Uic.SexAtBirth.MALE;
            case O -> Uic.SexAtBirth.OTHER;
            case U -> Uic.SexAtBirth.UNKNOWN;
        };
        int month = 1 + rnd.nextInt(12);
        int day = 1 + rnd.nextInt(28);
        boolean unknownDay = rnd.nextDouble() < 0.05;
        return Uic.build(letters(), letters(), sex, unknownDay ? null : day, unknownDay ? null : month, birthYear);
    }

    private String letters() {
        if (rnd.nextDouble() < 0.02) {
            return "";
        }
        String consonants = "BCDKLMNPRSTVY";
        String vowels = "AEIOU";
        return "" + consonants.charAt(rnd.nextInt(consonants.length())) + vowels.charAt(rnd.nextInt(vowels.length()));
    }

    /** Visits per active month so that, when a target is set, the total comes near it. */
    private double visitRate(List<Person> people) {
        if (spec.targetEncounters() == 0) {
            return 0.6;
        }
        long activeMonthsAfterFirst = 0;
        for (Person p : people) {
            activeMonthsAfterFirst += p.lastMonth - p.firstMonth;
        }
        double beyondFirst = spec.targetEncounters() - people.size();
        return activeMonthsAfterFirst == 0 ? 0 : Math.max(0, beyondFirst / activeMonthsAfterFirst);
    }

    private int poisson(double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** Deterministic metadata: the id from the seed, the time from the record's date. */
    private RecordMeta meta(LocalDate date) {
        UUID id = new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        Instant at = date.atTime(17, 0).toInstant(ZoneOffset.ofHours(7));
        return new RecordMeta(id, at, at, author.userId(), author.userId(), author.deviceId(), 1);
    }
}

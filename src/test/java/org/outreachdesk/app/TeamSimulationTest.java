package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.StoreException;

/**
 * A simulated team (ADR 14): a hub and three members, real encrypted vaults, recording, correcting, voiding and merging,
 * exchanging streams in a seeded random order with losses, duplicates and old streams re-sent. After the members and
 * the hub have exchanged both ways, every vault holds the same records (canonical dump), every change (same vector),
 * every contact and encounter made exactly once, and the same conflicts.
 */
class TeamSimulationTest {

    static final int ROUNDS = 60;
    /** Few codes, so that two laptops create the same person. */
    static final String[] CODES = {"SOCH2150398", "DAVI1010190", "MALI2020285", "SREY2121292", "BOPH2030388",
        "CHAN2111199"};

    @TempDir
    Path dir;

    final List<TeamVault> all = new ArrayList<>();

    @AfterEach
    void close() {
        all.forEach(TeamVault::close);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L})
    void aTeamConvergesWhateverTheOrderOfBundles(long seed) {
        Random rnd = new Random(seed);
        TeamVault hub = new TeamVault("hub", dir);
        all.add(hub);
        Site ktv = new SiteService(hub.ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
        Site bar = new SiteService(hub.ws).add(new SiteService.Draft("BAR-01", "Riverside", VenueType.BEER_GARDEN, null, null, 9));
        Staff ow1 = new StaffService(hub.ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        List<TeamVault> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TeamVault m = new TeamVault("m" + i, dir);
            all.add(m);
            members.add(m);
            hub.sendTo(m);
        }
        Map<TeamVault, List<byte[]>> sentTo = new HashMap<>();
        int contactsMade = 0;
        int encountersMade = 0;
        for (int round = 0; round < ROUNDS; round++) {
            TeamVault v = all.get(rnd.nextInt(all.size()));
            int action = rnd.nextInt(10);
            try {
                switch (action) {
                    case 0, 1 -> {
                        String code = CODES[rnd.nextInt(CODES.length)];
                        Uic uic = Uic.parse(code);
                        new ContactService(v.ws).create(new NewContact(uic, code.startsWith("DAVI") ? Gender.M : Gender.F,
                                KpType.FEW, null, day(rnd), ktv.meta().id(), ow1.meta().id(), null), true);
                        contactsMade++;
                    }
                    case 2, 3 -> {
                        UUID c = pick(rnd, ids(v, "contact", "merged_into=null"));
                        if (c != null) {
                            new EncounterService(v.ws).save(Draft.of(c, day(rnd), ow1.meta().id(),
                                    (rnd.nextBoolean() ? ktv : bar).meta().id()).withQuantities(rnd.nextInt(5), 0, 0, 0));
                            encountersMade++;
                        }
                    }
                    case 4 -> {
                        UUID e = pick(rnd, ids(v, "encounter", "voided=false"));
                        if (e != null) {
                            EncounterCorrectionService ec = new EncounterCorrectionService(v.ws);
                            var opened = ec.open(e);
                            ec.correct(e, opened.encounter().meta().version(), opened.draft().withNote("note " + round));
                        }
                    }
                    case 5 -> {
                        UUID e = pick(rnd, ids(v, "encounter", "voided=false"));
                        if (e != null) {
                            EncounterCorrectionService ec = new EncounterCorrectionService(v.ws);
                            ec.voidEncounter(e, ec.open(e).encounter().meta().version(), VoidReason.ENTERED_TWICE);
                        }
                    }
                    case 6 -> {
                        UUID c = pick(rnd, ids(v, "contact", "merged_into=null"));
                        if (c != null) {
                            Contact s = v.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(c).orElseThrow());
                            new ContactCorrectionService(v.ws).correctProfile(c, s.meta().version(),
                                    new ContactCorrectionService.Profile(s.gender(), s.kpType(), s.birthYear(), s.homeSiteId(),
                                            s.assignedStaffId(), ContactStatus.ACTIVE, null, "by " + v.name + " " + round));
                        }
                    }
                    case 7 -> {
                        List<UUID> live = ids(v, "contact", "merged_into=null");
                        if (live.size() >= 2) {
                            UUID keep = live.get(rnd.nextInt(live.size()));
                            UUID gone = live.get(rnd.nextInt(live.size()));
                            if (!keep.equals(gone)) {
                                new MergeService(v.ws).merge(keep, version(v, keep), gone, version(v, gone));
                            }
                        }
                    }
                    default -> {
                        TeamVault m = members.get(rnd.nextInt(members.size()));
                        boolean up = rnd.nextBoolean();
                        TeamVault from = up ? m : hub;
                        TeamVault to = up ? hub : m;
                        int fate = rnd.nextInt(10);
                        byte[] s = from.streamFor(to);
                        sentTo.computeIfAbsent(to, k -> new ArrayList<>()).add(s);
                        if (fate == 0) {
                            continue; // lost on the way
                        }
                        Map<UUID, Long> senderVector = from.vector();
                        to.apply(s);
                        to.confirmed.put(from, senderVector);
                        if (fate == 1) {
                            to.apply(s); // read twice
                        } else if (fate == 2) {
                            List<byte[]> old = sentTo.get(to);
                            to.apply(old.get(rnd.nextInt(old.size()))); // an old one found on the stick
                        }
                    }
                }
            } catch (InvalidInputException | StoreException refusedByTheDesk) {
                // the desk refused the action (a code taken here, a record changed meanwhile): nothing to replay
            }
        }
        for (int full = 0; full < 2; full++) {
            for (TeamVault m : members) {
                m.sendTo(hub);
            }
            for (TeamVault m : members) {
                hub.sendTo(m);
            }
        }
        List<String> dump = hub.dump();
        for (TeamVault m : members) {
            assertThat(m.vector()).as(m.name + " holds every change").isEqualTo(hub.vector());
            assertThat(m.dump()).as(m.name + " holds the same records").isEqualTo(dump);
            assertThat(m.conflicts()).as(m.name + " shows the same conflicts").isEqualTo(hub.conflicts());
        }
        assertThat(dump.stream().filter(l -> l.startsWith("contact|")).count()).as("every contact once")
                .isEqualTo(contactsMade);
        assertThat(dump.stream().filter(l -> l.startsWith("encounter|")).count()).as("every encounter once")
                .isEqualTo(encountersMade);
    }

    private static LocalDate day(Random rnd) {
        return LocalDate.of(2026, 9, 1).plusDays(rnd.nextInt(50));
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.isEmpty() ? null : from.get(rnd.nextInt(from.size()));
    }

    private static int version(TeamVault v, UUID contact) {
        return v.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(contact).orElseThrow()).meta().version();
    }

    /** Ids of the records of a type whose dump line holds {@code having} (e.g. live contacts). */
    private static List<UUID> ids(TeamVault v, String type, String having) {
        List<UUID> out = new ArrayList<>();
        for (String line : v.dump()) {
            if (line.startsWith(type + "|id=") && line.contains("|" + having)) {
                out.add(UUID.fromString(line.substring(type.length() + 4, type.length() + 40)));
            }
        }
        return out;
    }
}

package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.NearDuplicates;
import org.outreachdesk.domain.NearDuplicates.Why;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Uic;

/** The possible-duplicates list: which pairs it finds and leaves out, against brute force, and at 50,000 contacts. */
class PossibleDuplicatesTest {

    @TempDir
    Path dir;

    Workspace ws;

    @AfterEach
    void lock() {
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    private static String codes(MergeService.PossibleDuplicate p) {
        return p.a().contact().uic().value() + "~" + p.b().contact().uic().value();
    }

    @Test
    void findsOneEditAndSexDigitPairsButNotOthersNorPairsKeptApartOrMergedAway() {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        DeskFixtures fx = new DeskFixtures(ws);
        String[] codes = {
            "SOCH2150398", "SOCI2150398",  // one letter changed: a pair
            "DAVI2010101", "DAVI1010101",  // the sex digit: a pair
            "KANH2020202", "KNAH2020202",  // two neighbours swapped: a pair
            "ROMA2030303", "ROMA2030304",  // another birth date: not a pair
            "SREY2040404", "SRAE2040404",  // two letters changed: not a pair
            "MEPI2050505", "MEPO2050505",  // one letter, but kept apart below: not listed
            "VUTH2060606", "VUTA2060606",  // one letter, but merged below: not listed
        };
        List<Contact> made = new ArrayList<>();
        for (String c : codes) {
            made.add(fx.contact(c, KpType.FEW, null, null, null, LocalDate.of(2026, 10, 1), ContactStatus.ACTIVE));
        }
        MergeService merges = new MergeService(ws);
        new ContactCorrectionService(ws).markDistinct(made.get(11).id(), made.get(10).id());
        merges.merge(made.get(12).id(), 1, made.get(13).id(), 1);

        List<MergeService.PossibleDuplicate> list = merges.possibleDuplicates();
        assertThat(list).extracting(PossibleDuplicatesTest::codes, MergeService.PossibleDuplicate::why).containsExactly(
                tuple("DAVI1010101~DAVI2010101", Why.SEX_DIGIT),
                tuple("KANH2020202~KNAH2020202", Why.ONE_EDIT),
                tuple("SOCH2150398~SOCI2150398", Why.ONE_EDIT));
    }

    /** Random codes from a small alphabet (so that many are one edit apart): the keyed search equals brute force. */
    @Test
    void theKeyedSearchFindsExactlyThePairsBruteForceFinds() {
        Random random = new Random(14);
        String letters = "ABC9";
        String sexes = "1299";
        String[] dates = {"010101", "020202", "999999"};
        Set<String> made = new HashSet<>();
        while (made.size() < 600) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                b.append(letters.charAt(random.nextInt(letters.length())));
            }
            b.append(sexes.charAt(random.nextInt(sexes.length()))).append(dates[random.nextInt(dates.length)]);
            made.add(b.toString());
        }
        List<Uic> uics = made.stream().map(Uic::parse).toList();
        Set<String> brute = new HashSet<>();
        for (Uic x : uics) {
            for (Uic y : uics) {
                if (x.value().compareTo(y.value()) < 0 && x.isNearDuplicateOf(y)) {
                    brute.add(x.value() + "~" + y.value());
                }
            }
        }
        Set<String> keyed = new HashSet<>();
        for (NearDuplicates.Pair<Uic> p : NearDuplicates.find(uics, u -> u)) {
            assertThat(keyed.add(p.a().value() + "~" + p.b().value())).as("listed once").isTrue();
            boolean sexOnly = p.a().value().substring(0, 4).equals(p.b().value().substring(0, 4));
            assertThat(p.why()).isEqualTo(sexOnly ? Why.SEX_DIGIT : Why.ONE_EDIT);
        }
        assertThat(brute).hasSizeGreaterThan(1000);
        assertThat(keyed).isEqualTo(brute);
    }

    /**
     * 50,000 live contacts over 3,000 birth dates, with 40 planted one-edit pairs: the list is built in well under a
     * few seconds (measured 0.6 s on the shared 2-core build machine; the bound leaves room for a busy machine).
     */
    @Test
    void fiftyThousandContactsAreSearchedInAFewSeconds() {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        DeskFixtures fx = new DeskFixtures(ws);
        List<Contact> all = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Random random = new Random(50_000);
        // distinct codes far apart: letters drawn from the whole alphabet, 3,000 birth dates
        while (all.size() < 49_920) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                b.append((char) ('A' + random.nextInt(26)));
            }
            b.append('2').append(String.format("%02d%02d%02d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                    80 + random.nextInt(10)));
            if (codes.add(b.toString())) {
                all.add(fx.newContact(b.toString(), KpType.FEW, null, null, null, LocalDate.of(2026, 10, 1),
                        ContactStatus.ACTIVE));
            }
        }
        // the random codes may pair among themselves too: brute force over each birth date tells how many
        long expected = 0;
        List<Uic> uics = codes.stream().map(Uic::parse).toList();
        Map<String, List<Uic>> byDate = new HashMap<>();
        uics.forEach(u -> byDate.computeIfAbsent(u.birthDatePart(), k -> new ArrayList<>()).add(u));
        for (List<Uic> group : byDate.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    expected += group.get(i).isNearDuplicateOf(group.get(j)) ? 1 : 0;
                }
            }
        }
        fx.contacts(all);
        // 40 planted pairs: new codes "QQQ" + a letter, changed in the last letter, on a date of their own
        List<Contact> planted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String date = String.format("%02d%02d70", 1 + i % 28, 1 + i / 28);
            planted.add(fx.newContact("QQQA2" + date, KpType.FEW, null, null, null, LocalDate.of(2026, 10, 1),
                    ContactStatus.ACTIVE));
            planted.add(fx.newContact("QQQB2" + date, KpType.FEW, null, null, null, LocalDate.of(2026, 10, 1),
                    ContactStatus.ACTIVE));
        }
        fx.contacts(planted);
        MergeService merges = new MergeService(ws);
        merges.possibleDuplicates();   // warm up

        long start = System.nanoTime();
        List<MergeService.PossibleDuplicate> list = merges.possibleDuplicates();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("possible duplicates among 50,000 contacts: " + list.size() + " pairs in " + millis + " ms");
        assertThat(list).hasSize((int) Math.min(MergeService.LIST_MAX, expected + 40));
        assertThat(list.stream().filter(p -> p.a().contact().uic().value().startsWith("QQQ"))).hasSize(40);
        assertThat(millis).isLessThan(5_000);
    }
}

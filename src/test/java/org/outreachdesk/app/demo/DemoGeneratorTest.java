package org.outreachdesk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.domain.VenueType;

class DemoGeneratorTest {

    @TempDir
    Path dir;

    /** The generated content, without who wrote it (each vault has its own admin and device). */
    private record Snapshot(List<String> contacts, List<String> encounters) {
    }

    private Snapshot generate(Path vault, long seed) {
        try (Workspace ws = TestWorkspaces.admin(vault)) {
            DemoGenerator.Summary s = new DemoGenerator(ws, DemoSpec.of(300, 8, seed)).generate();
            assertThat(s.contacts()).isEqualTo(300);
            List<String> contacts = new ArrayList<>();
            List<String> encounters = new ArrayList<>();
            ws.read(Permission.RECORDS, tx -> {
                tx.contacts().forEach(c -> contacts.add(c.id() + " " + c.uic().value() + " " + c.gender() + " "
                        + c.kpType() + " " + c.birthYear() + " " + c.firstContactDate() + " " + c.status()));
                tx.encounters().forEach(e -> encounters.add(e.id() + " " + e.contactId() + " " + e.date() + " "
                        + e.quantities() + " " + e.hivStatus()));
                return null;
            });
            assertThat(encounters).hasSize((int) s.encounters());
            return new Snapshot(contacts, encounters);
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        Snapshot a = generate(dir.resolve("a"), 42);
        Snapshot b = generate(dir.resolve("b"), 42);
        Snapshot c = generate(dir.resolve("c"), 43);
        assertThat(b).isEqualTo(a);
        assertThat(c.contacts()).isNotEqualTo(a.contacts());
    }

    @Test
    void theDataIsBelievableAndNobodyIsUnder18() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            DemoGenerator.Summary s = new DemoGenerator(ws, DemoSpec.of(500, 12, 7)).generate();
            assertThat(s.sites()).isGreaterThanOrEqualTo(VenueType.values().length);
            assertThat(s.encounters()).isGreaterThan(1000);
            assertThat(s.referrals()).isPositive();
            Set<VenueType> venues = EnumSet.noneOf(VenueType.class);
            Set<KpType> kps = EnumSet.noneOf(KpType.class);
            List<Contact> contacts = new ArrayList<>();
            java.util.Map<java.util.UUID, Integer> visits = new java.util.HashMap<>();
            ws.read(Permission.RECORDS, tx -> {
                tx.sites().list(false).forEach(site -> venues.add(site.venueType()));
                tx.contacts().forEach(contacts::add);
                tx.encounters().forEach(e -> visits.merge(e.contactId(), 1, Integer::sum));
                return null;
            });
            contacts.forEach(c -> kps.add(c.kpType()));
            assertThat(venues).containsExactlyInAnyOrder(VenueType.values());
            // return visits and drop-outs: some contacts are met many times, some once
            assertThat(visits.values()).contains(1).anyMatch(n -> n >= 4);
            assertThat(contacts).anyMatch(c -> c.status() != org.outreachdesk.domain.ContactStatus.ACTIVE);
            assertThat(kps).contains(KpType.FSW, KpType.FEW, KpType.MSM, KpType.TG);
            assertThat(contacts).allSatisfy(c -> {
                if (c.birthYear() != null) {
                    assertThat(c.firstContactDate().getYear() - c.birthYear()).isGreaterThanOrEqualTo(18);
                }
                assertThat(c.note()).isNull();
            });
            java.util.Optional<String> demoFlag = ws.read(Permission.RECORDS,
                    tx -> tx.settings().get(SettingKey.DEMO_DATA));
            assertThat(demoFlag).contains("true");
        }
    }

    @Test
    void onlyAnAdminFillsAVaultWithDemoData() {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir)) {
            assertThatThrownBy(() -> new DemoGenerator(ws, DemoSpec.of(10, 2, 1)).generate())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}

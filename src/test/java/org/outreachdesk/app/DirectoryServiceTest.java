package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;

class DirectoryServiceTest {

    @TempDir
    Path dir;

    @Test
    void aNewVaultHoldsTheSeedOrganisationsWithTheHotline1288() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            var all = new DirectoryService(ws).search(null, null, true);
            assertThat(all).extracting(DirectoryEntry::name).contains("KHANA and partners",
                    "Women's Network for Unity (WNU)", "Pursat Provincial Health Department", "LICADHO", "ADHOC",
                    "Chab Dai Coalition", "AFESIP Cambodia", "IOM Cambodia",
                    "National Committee for Counter Trafficking (NCCT) hotline");
            assertThat(all).hasSize(DirectoryService.DEFAULTS.size());
            DirectoryEntry hotline = all.stream().filter(e -> "1288".equals(e.publicPhone())).findFirst().orElseThrow();
            assertThat(hotline.services()).containsExactlyInAnyOrder(ServiceType.TRAFFICKING,
                    ServiceType.CHILD_PROTECTION);
            assertThat(all.stream().filter(e -> e.name().equals("LICADHO")).findFirst().orElseThrow().services())
                    .contains(ServiceType.LEGAL, ServiceType.VIOLENCE);
            // only the hotline has a number: no person's number, no invented office numbers
            assertThat(all).filteredOn(e -> e.publicPhone() != null).hasSize(1);
        }
    }

    @Test
    void seedingAgainAddsNothing() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            DirectoryService directory = new DirectoryService(ws);
            int before = directory.search(null, null, true).size();
            assertThat(directory.seedDefaults()).isZero();
            assertThat(directory.seedDefaults()).isZero();
            assertThat(directory.search(null, null, true)).hasSize(before);
        }
    }

    @Test
    void seedingSkipsOrganisationsAlreadyThereByName() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            // a vault from before seeding existed: no marker, one organisation typed by hand
            var dsl = org.outreachdesk.store.StoreTestAccess.dsl(ws.vault().database());
            dsl.deleteFrom(org.jooq.impl.DSL.table("directory_entry")).execute();
            dsl.deleteFrom(org.jooq.impl.DSL.table("setting"))
                    .where(org.jooq.impl.DSL.field("setting_key").eq("directory.seeded")).execute();
            DirectoryService directory = new DirectoryService(ws);
            directory.add(new DirectoryService.Draft("licadho", "typed by hand", null, null, Set.of(ServiceType.LEGAL)));
            assertThat(directory.seedDefaults()).isEqualTo(DirectoryService.DEFAULTS.size() - 1);
            assertThat(directory.search("licadho", null, true)).singleElement()
                    .extracting(DirectoryEntry::description).isEqualTo("typed by hand");
            assertThat(directory.seedDefaults()).isZero();
        }
    }

    @Test
    void searchMatchesNameOrDescriptionAndFiltersByService() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            DirectoryService directory = new DirectoryService(ws);
            assertThat(directory.search("khana", null, false)).extracting(DirectoryEntry::name)
                    .containsExactly("KHANA and partners");
            assertThat(directory.search("LEGAL AID", null, false)).extracting(DirectoryEntry::name)
                    .containsExactly("ADHOC", "LICADHO");
            assertThat(directory.search(null, ServiceType.CHILD_PROTECTION, false)).extracting(DirectoryEntry::name)
                    .containsExactly("Chab Dai Coalition", "National Committee for Counter Trafficking (NCCT) hotline");
            assertThat(directory.search("hotline", ServiceType.FP, false)).isEmpty();
        }
    }

    @Test
    void aCoordinatorAddsEditsAndDeactivatesAnOrganisation() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            DirectoryService directory = new DirectoryService(ws);
            DirectoryEntry added = directory.add(new DirectoryService.Draft("  Pursat Referral Hospital ",
                    "STI clinic", "+855 52 000 000", "Pursat town", EnumSet.of(ServiceType.STI, ServiceType.PEP)));
            assertThat(added.name()).isEqualTo("Pursat Referral Hospital");
            DirectoryEntry edited = directory.update(added, new DirectoryService.Draft("Pursat Referral Hospital",
                    "STI clinic and PEP", "(052) 000-000", "Pursat town", EnumSet.of(ServiceType.PEP)));
            assertThat(directory.search("referral hospital", null, false)).singleElement()
                    .satisfies(e -> assertThat(e.services()).containsExactly(ServiceType.PEP))
                    .satisfies(e -> assertThat(e.meta().version()).isEqualTo(2));
            directory.setActive(edited, false);
            assertThat(directory.search("referral hospital", null, false)).isEmpty();
            assertThat(directory.search("referral hospital", null, true)).singleElement()
                    .satisfies(e -> assertThat(e.active()).isFalse());
            // the stale copy (version 1) cannot overwrite the newer one
            assertThatThrownBy(() -> directory.update(added, new DirectoryService.Draft("X", null, null, null,
                    Set.of(ServiceType.OTHER)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("changed elsewhere");
            var audit = ws.vault().database().read(tx -> tx.audit().latest(3));
            assertThat(audit).extracting(e -> e.action()).containsExactly(AuditAction.UPDATE, AuditAction.UPDATE,
                    AuditAction.CREATE);
            assertThat(audit).allSatisfy(e -> assertThat(e.recordId()).isEqualTo(added.meta().id().toString()));
        }
    }

    @Test
    void namesAreUniqueAndNumbersAndServicesAreChecked() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            DirectoryService directory = new DirectoryService(ws);
            assertThatThrownBy(() -> directory.add(new DirectoryService.Draft("adhoc", null, null, null,
                    Set.of(ServiceType.LEGAL)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already has this name");
            assertThatThrownBy(() -> directory.add(new DirectoryService.Draft("New org", null, "call Sokha", null,
                    Set.of(ServiceType.LEGAL)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("public number").hasMessageNotContaining("Sokha");
            assertThatThrownBy(() -> directory.add(new DirectoryService.Draft("New org", null, null, null, Set.of())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one service");
            assertThatThrownBy(() -> directory.add(new DirectoryService.Draft(" ", null, null, null,
                    Set.of(ServiceType.LEGAL)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("name is required");
            DirectoryEntry khana = directory.search("KHANA", null, false).get(0);
            assertThatThrownBy(() -> directory.update(khana, new DirectoryService.Draft("LICADHO", null, null, null,
                    Set.of(ServiceType.HTS)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already has this name");
        }
    }

    @Test
    void anOutreachWorkerSearchesTheDirectoryButCannotChangeIt() {
        try (Workspace ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir)) {
            DirectoryService directory = new DirectoryService(ws);
            DirectoryEntry any = directory.search(null, null, false).get(0);
            assertThat(any).isNotNull();
            assertThatThrownBy(() -> directory.add(new DirectoryService.Draft("Mine", null, null, null,
                    Set.of(ServiceType.OTHER)))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.update(any, new DirectoryService.Draft("Mine", null, null, null,
                    Set.of(ServiceType.OTHER)))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.setActive(any, false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(directory::seedDefaults).isInstanceOf(AccessDeniedException.class);
        }
    }
}

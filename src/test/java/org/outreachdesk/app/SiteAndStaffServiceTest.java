package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;

class SiteAndStaffServiceTest {

    @TempDir
    Path dir;

    private static SiteService.Draft ktv(String code) {
        return new SiteService.Draft(code, "Golden KTV", VenueType.KTV, "Sampov Meas", "Phteah Prey", 25);
    }

    @Test
    void aCoordinatorAddsEditsAndDeactivatesSites() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            SiteService sites = new SiteService(ws);
            Site added = sites.add(ktv(" ktv-03 "));
            assertThat(added.code()).isEqualTo("KTV-03");
            Site edited = sites.update(added, new SiteService.Draft("KTV-03", "Golden KTV 2", VenueType.BEER_GARDEN,
                    "Sampov Meas", null, 30));
            assertThat(sites.list(false)).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("Golden KTV 2");
                assertThat(s.venueType()).isEqualTo(VenueType.BEER_GARDEN);
                assertThat(s.commune()).isNull();
                assertThat(s.estimatedSize()).isEqualTo(30);
            });
            sites.setActive(edited, false);
            assertThat(sites.list(false)).isEmpty();
            assertThat(sites.list(true)).singleElement().satisfies(s -> assertThat(s.active()).isFalse());
        }
    }

    @Test
    void siteCodesAreValidatedAndUnique() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            SiteService sites = new SiteService(ws);
            Site first = sites.add(ktv("KTV-01"));
            Site second = sites.add(ktv("KTV-02"));
            assertThatThrownBy(() -> sites.add(ktv("ktv-01"))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("Another site already has this code; choose a different code");
            assertThatThrownBy(() -> sites.update(second, ktv("KTV-01"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already has this code");
            assertThatThrownBy(() -> sites.add(ktv("KTV 04"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("letters, digits");
            assertThatThrownBy(() -> sites.add(ktv(""))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("code is required");
            assertThatThrownBy(() -> sites.add(new SiteService.Draft("X1", "", VenueType.KTV, null, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("name is required");
            assertThatThrownBy(() -> sites.add(new SiteService.Draft("X1", "n", null, null, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("venue type");
            assertThatThrownBy(() -> sites.add(new SiteService.Draft("X1", "n", VenueType.KTV, null, null, -1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("estimated size");
            assertThatThrownBy(() -> sites.add(new SiteService.Draft("X1", "n", VenueType.KTV, null, null, 10_001)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("estimated size");
            // keeping its own code is fine
            assertThat(sites.update(first, ktv("KTV-01")).meta().version()).isEqualTo(2);
            assertThat(sites.list(true)).hasSize(2);
        }
    }

    @Test
    void staffCodesAreValidatedUniqueAndDeactivatable() {
        try (Workspace ws = TestWorkspaces.as(Role.MANAGER, dir)) {
            StaffService staff = new StaffService(ws);
            Staff ow = staff.add(new StaffService.Draft("ow01", StaffKind.OUTREACH_WORKER, " Team A "));
            assertThat(ow.code()).isEqualTo("OW01");
            assertThat(ow.team()).isEqualTo("Team A");
            Staff pe = staff.add(new StaffService.Draft("PE01", StaffKind.PEER_EDUCATOR, null));
            assertThatThrownBy(() -> staff.add(new StaffService.Draft("OW01", StaffKind.OTHER, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Another staff member already has this code; choose a different code");
            assertThatThrownBy(() -> staff.update(pe, new StaffService.Draft("ow01", StaffKind.PEER_EDUCATOR, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already has this code");
            assertThatThrownBy(() -> staff.add(new StaffService.Draft("Sokha Chan", StaffKind.OTHER, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("letters, digits")
                    .hasMessageNotContaining("Sokha");
            assertThatThrownBy(() -> staff.add(new StaffService.Draft("X1", null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("kind");
            Staff moved = staff.update(pe, new StaffService.Draft("PE01", StaffKind.OUTREACH_WORKER, "Team B"));
            staff.setActive(moved, false);
            assertThat(staff.list(false)).extracting(Staff::code).containsExactly("OW01");
            assertThat(staff.list(true)).extracting(Staff::code, Staff::team, Staff::active)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OW01", "Team A", true),
                            org.assertj.core.groups.Tuple.tuple("PE01", "Team B", false));
        }
    }

    @Test
    void anOutreachWorkerListsSitesAndStaffButCannotChangeThem() {
        Site site;
        Staff member;
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            site = new SiteService(admin).add(ktv("KTV-01"));
            member = new StaffService(admin).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, null));
            new UserService(admin).add("worker", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
        }
        try (Workspace ws = TestWorkspaces.vaults().unlock(dir, "worker", TestWorkspaces.PASSWORD.toCharArray())) {
            SiteService sites = new SiteService(ws);
            StaffService staff = new StaffService(ws);
            assertThat(sites.list(false)).hasSize(1);
            assertThat(staff.list(false)).hasSize(1);
            assertThatThrownBy(() -> sites.add(ktv("KTV-09"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> sites.update(site, ktv("KTV-09"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> sites.setActive(site, false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> staff.add(new StaffService.Draft("OW09", StaffKind.OTHER, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> staff.update(member, new StaffService.Draft("OW09", StaffKind.OTHER, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> staff.setActive(member, false)).isInstanceOf(AccessDeniedException.class);
            assertThat(sites.list(true)).singleElement().satisfies(s -> assertThat(s.active()).isTrue());
        }
    }
}

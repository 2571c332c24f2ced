package org.outreachdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.ConflictService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.sync.SyncTeam;

/** The Conflicts screen's state on real team vaults: the rows in words, the same provisional value, a choice that travels. */
class ConflictsViewModelTest {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withZone(ZoneId.systemDefault());

    @TempDir
    Path dir;

    private static ConflictsViewModel loaded(Workspace ws, Locale locale) {
        ConflictsViewModel m = new ConflictsViewModel(SyncTeam.context(ws, locale));
        m.load();
        return m;
    }

    @Test
    void bothLaptopsShowTheConflictInWordsWithTheSameProvisionalValue() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (ConflictTeam t = new ConflictTeam(dir)) {
            Instant after = Instant.now();
            ConflictsViewModel hub = loaded(t.team.hub, Locale.ENGLISH);
            ConflictsViewModel member = loaded(t.team.member, Locale.ENGLISH);
            KpType shown = t.stored(t.team.hub).kpType();
            assertThat(t.stored(t.team.member).kpType()).as("the same value on both laptops").isEqualTo(shown);
            String provisional = shown == KpType.FSW ? "Female sex worker" : "Men who have sex with men";

            for (ConflictsViewModel m : List.of(hub, member)) {
                assertThat(m.countProperty().get()).isEqualTo(1);
                ConflictsViewModel.Row row = m.rows().get(0);
                assertThat(row.title()).as("kind, first contact and home site; never the UIC")
                        .isEqualTo("Contact · 12/10/2026 · KTV-03").doesNotContain(ConflictTeam.UIC);
                assertThat(row.field()).isEqualTo("Key population");
                assertThat(row.choices()).extracting(ConflictsViewModel.Choice::text)
                        .containsExactlyInAnyOrder("Female sex worker", "Men who have sex with men");
                assertThat(row.choices().get(0).provisional()).as("the provisional value first").isTrue();
                assertThat(row.choices().get(0).text()).isEqualTo(provisional);
                assertThat(row.choices().get(1).provisional()).isFalse();
                assertThat(row.choices()).extracting(c -> c.origin().substring(0, c.origin().lastIndexOf(" · ")))
                        .as("each value with the laptop and author it came from")
                        .containsExactlyInAnyOrder("From hub · by admin", "From laptop 1 · by admin");
                assertThat(row.choices()).extracting(c -> Instant.from(SHOWN.parse(
                                c.origin().substring(c.origin().lastIndexOf(" · ") + 3))))
                        .as("and when: while the team was made (the changes' own clock, to the minute)")
                        .allSatisfy(at -> assertThat(at).isBetween(before, after));
            }
            assertThat(hub.rows().get(0).choices()).extracting(ConflictsViewModel.Choice::origin)
                    .isEqualTo(member.rows().get(0).choices().stream().map(ConflictsViewModel.Choice::origin).toList());
        }
    }

    @Test
    void valuesAndNamesInKhmer() {
        try (ConflictTeam t = new ConflictTeam(dir)) {
            ConflictsViewModel.Row row = loaded(t.team.member, Locale.forLanguageTag("km")).rows().get(0);
            assertThat(row.title()).startsWith("អ្នកទំនាក់ទំនង · 12/10/2026");
            assertThat(row.field()).isEqualTo("ក្រុមប្រឈមមុខ");
            assertThat(row.choices()).extracting(ConflictsViewModel.Choice::text)
                    .containsExactlyInAnyOrder("ស្ត្រីរកស៊ីផ្លូវភេទ", "បុរសរួមភេទជាមួយបុរស");
        }
    }

    @Test
    void choosingOnTheHubResolvesItAuditedAndTheChoiceReachesTheMember() {
        try (ConflictTeam t = new ConflictTeam(dir)) {
            ConflictsViewModel hub = loaded(t.team.hub, Locale.ENGLISH);
            ConflictsViewModel.Row row = hub.rows().get(0);
            ConflictsViewModel.Choice notShown = row.choices().get(1);
            KpType chosen = KpType.valueOf(notShown.value().head().value());

            hub.choose(row, notShown);

            assertThat(hub.rows()).as("the row leaves the list").isEmpty();
            assertThat(hub.countProperty().get()).isZero();
            assertThat(hub.status().errorProperty().get()).isFalse();
            assertThat(hub.status().messageProperty().get()).startsWith("Key population of Contact · 12/10/2026");
            assertThat(t.stored(t.team.hub).kpType()).isEqualTo(chosen);
            List<AuditEntry> audit = t.team.hub.read(Permission.ADMINISTER, tx -> tx.audit().latest(20));
            assertThat(audit).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.UPDATE);
                assertThat(e.recordId()).isEqualTo(t.contact.toString());
                assertThat(e.detail()).isEqualTo("conflict kp_type");
            });

            t.team.fromHub("laptop 1", t.team.member);
            assertThat(new ConflictService(t.team.member).list()).as("gone on the member too").isEmpty();
            assertThat(t.stored(t.team.member).kpType()).as("the member holds the choice").isEqualTo(chosen);
            assertThat(loaded(t.team.member, Locale.ENGLISH).rows()).isEmpty();
        }
    }

    @Test
    void aMemberThatCannotNameAThirdLaptopSaysAnotherLaptop() {
        try (ConflictTeam t = new ConflictTeam(dir)) {
            Workspace second = t.team.addMember("laptop 2");
            t.team.fromHub("laptop 2", second);
            t.kp(second, KpType.PWID);
            t.team.toHub(second);
            t.team.fromHub("laptop 1", t.team.member);

            ConflictsViewModel.Row onMember = loaded(t.team.member, Locale.ENGLISH).rows().get(0);
            assertThat(onMember.choices()).extracting(ConflictsViewModel.Choice::origin)
                    .anySatisfy(o -> assertThat(o).startsWith("From another laptop · "))
                    .noneSatisfy(o -> assertThat(o).contains("-"));
            ConflictsViewModel.Row onHub = loaded(t.team.hub, Locale.ENGLISH).rows().get(0);
            assertThat(onHub.choices()).extracting(ConflictsViewModel.Choice::origin)
                    .anySatisfy(o -> assertThat(o).startsWith("From laptop 2 · "));
        }
    }

    @Test
    void onlyCoordinatorsAndAboveMayReviewConflicts() {
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            new UserService(admin).add("coord", Role.COORDINATOR, TestWorkspaces.PASSWORD.toCharArray());
        }
        try (Workspace ow = TestWorkspaces.vaults().unlock(dir, "ow1", TestWorkspaces.PASSWORD.toCharArray())) {
            assertThat(ow.can(Permission.CORRECT_ANY)).isFalse();
            assertThatThrownBy(() -> new ConflictService(ow).review()).isInstanceOf(AccessDeniedException.class);
            ConflictsViewModel m = loaded(ow, Locale.ENGLISH);
            assertThat(m.rows()).isEmpty();
            assertThat(m.status().errorProperty().get()).as("refused, and said so").isTrue();
        }
        try (Workspace coord = TestWorkspaces.vaults().unlock(dir, "coord", TestWorkspaces.PASSWORD.toCharArray())) {
            assertThat(new ConflictService(coord).review()).isEmpty();
        }
    }
}

package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.ContactService.TimelineEntry;
import org.outreachdesk.app.ContactService.TimelineKind;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;

class ContactServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    Workspace ws;
    DeskFixtures fx;
    ContactService contacts;
    Site ktv;
    Staff ow1;

    @BeforeEach
    void setUp() {
        open(TestWorkspaces.admin(dir));
    }

    private void open(Workspace w) {
        ws = w;
        fx = new DeskFixtures(ws);
        contacts = new ContactService(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private NewContact newContact(String uic, KpType kp, Integer birthYear) {
        return new NewContact(Uic.parse(uic), Gender.F, kp, birthYear, TODAY, ktv.meta().id(), ow1.meta().id(), null);
    }

    @Test
    void looksUpByUicIgnoringCaseAndSpaces() {
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        ContactListing found = contacts.lookup("  soch 215 03-98 ").orElseThrow();
        assertThat(found.contact().id()).isEqualTo(c.id());
        assertThat(found.homeSiteCode()).isEqualTo("KTV-03");
        assertThat(found.staffCode()).isEqualTo("OW01");
        assertThat(found.lastEncounter()).isNull();
        assertThat(contacts.lookup("SOCH2150399")).isEmpty();
    }

    @Test
    void aMalformedUicIsAPlainMessageAtTheUicField() {
        assertThatThrownBy(() -> contacts.lookup("SOCH215"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code, FieldProblem::args)
                        .containsExactly(tuple("uic", "uic.length", List.of(7, 11))))
                .hasMessage("The UIC has 7 characters; it needs 11")
                .message().doesNotContain("SOCH");
        assertThatThrownBy(() -> contacts.lookup("SOCH2153298"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("uic.invalid"))
                .hasMessageContaining("birth month");
        assertThatThrownBy(() -> contacts.lookup("   "))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("required"));
    }

    @Test
    void createsAContactWithAllItsFields() {
        Contact c = contacts.create(new NewContact(Uic.parse("sovi 2120795"), Gender.TGW, KpType.TG, 1995,
                TODAY.minusDays(3), ktv.meta().id(), ow1.meta().id(), "  likes the evening round "), false);
        Contact stored = ws.read(Permission.RECORDS, tx -> tx.contacts().findById(c.id())).orElseThrow();
        assertThat(stored.uic().value()).isEqualTo("SOVI2120795");
        assertThat(stored.gender()).isEqualTo(Gender.TGW);
        assertThat(stored.kpType()).isEqualTo(KpType.TG);
        assertThat(stored.birthYear()).isEqualTo(1995);
        assertThat(stored.firstContactDate()).isEqualTo(TODAY.minusDays(3));
        assertThat(stored.homeSiteId()).isEqualTo(ktv.meta().id());
        assertThat(stored.assignedStaffId()).isEqualTo(ow1.meta().id());
        assertThat(stored.status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(stored.note()).isEqualTo("likes the evening round");
        var audit = ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
        assertThat(audit.action()).isEqualTo(AuditAction.CREATE);
        assertThat(audit.recordType()).isEqualTo("contact");
        assertThat(audit.detail()).isNull();
    }

    @Test
    void aUicOneEditFromAnExistingOneWithTheSameBirthDateIsReportedBeforeCreating() {
        Contact existing = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        fx.contact("SOCH2150399", KpType.FEW, 1999, ktv, ow1); // one edit, but another birth date
        NewContact typo = newContact("SOCA2150398", KpType.FEW, 1998); // one letter changed
        assertThatThrownBy(() -> contacts.create(typo, false))
                .isInstanceOfSatisfying(NearDuplicateException.class, e -> assertThat(e.candidates())
                        .extracting(l -> l.contact().id()).containsExactly(existing.id()))
                .message().doesNotContain("SOC");
        assertThat(contacts.nearDuplicates(Uic.parse("OSCH2150398"))) // two letters swapped
                .extracting(l -> l.contact().id()).containsExactly(existing.id());
        assertThat(contacts.nearDuplicates(Uic.parse("SACA2150398"))).isEmpty(); // two edits
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(2);

        Contact created = contacts.create(typo, true);
        assertThat(contacts.lookup("SOCA2150398")).map(l -> l.contact().id()).contains(created.id());
    }

    @Test
    void anExistingUicIsNotCreatedTwice() {
        fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        assertThatThrownBy(() -> contacts.create(newContact("soch2150398", KpType.FSW, 1998), true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("uic", "uic.taken")));
    }

    @Test
    void aPersonUnder18IsNeverCreatedAsASexWorker() {
        // born 05/03/2010
        assertThatThrownBy(() -> contacts.create(newContact("NAVI2050310", KpType.FSW, 2010), true))
                .isInstanceOf(SafeguardingRequiredException.class);
        assertThatThrownBy(() -> contacts.create(newContact("NAVI2999910", KpType.FEW, null), true))
                .as("the UIC's year alone tells the age")
                .isInstanceOf(SafeguardingRequiredException.class);
        assertThat(contacts.count(ContactFilter.ALL)).isZero();
        // recorded otherwise (a child-protection case), the contact may be created
        contacts.create(newContact("NAVI2050310", KpType.OTHER, 2010), true);
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(1);
    }

    @Test
    void fieldsAreCheckedWithPlainMessages() {
        NewContact bad = new NewContact(Uic.parse("SOCH2150398"), null, null, 1997, TODAY.plusDays(1), null, null,
                "x".repeat(501));
        assertThatThrownBy(() -> contacts.create(bad, true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                                tuple("gender", "required"), tuple("kpType", "required"),
                                tuple("firstContactDate", "date.future"), tuple("birthYear", "birthYear.mismatch"),
                                tuple("note", "note.tooLong")));
        assertThat(contacts.check(newContact("SOCH2150398", KpType.FSW, 1898)))
                .extracting(FieldProblem::code).containsExactly("birthYear.implausible");
    }

    @Test
    void statusChangesCarryADate() {
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        Contact moved = contacts.changeStatus(c.id(), c.meta().version(), ContactStatus.MOVED_AWAY, TODAY.minusDays(2));
        assertThat(moved.status()).isEqualTo(ContactStatus.MOVED_AWAY);
        assertThat(moved.statusDate()).isEqualTo(TODAY.minusDays(2));
        assertThat(contacts.find(c.id()).orElseThrow().contact().status()).isEqualTo(ContactStatus.MOVED_AWAY);

        assertThatThrownBy(() -> contacts.changeStatus(c.id(), moved.meta().version(), ContactStatus.DECEASED,
                TODAY.plusDays(1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(tuple("statusDate", "date.future")));
        assertThatThrownBy(() -> contacts.changeStatus(c.id(), moved.meta().version(), ContactStatus.DECEASED,
                LocalDate.of(2025, 1, 1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("date.beforeFirstContact"));
        // a change based on an old version does not overwrite the newer one
        assertThatThrownBy(() -> contacts.changeStatus(c.id(), c.meta().version(), ContactStatus.LOST_TO_FOLLOW_UP,
                TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed meanwhile");
        Contact lost = contacts.changeStatus(c.id(), moved.meta().version(), ContactStatus.LOST_TO_FOLLOW_UP, TODAY);
        assertThat(lost.meta().version()).isEqualTo(moved.meta().version() + 1);
    }

    @Test
    void theRegisterIsFilteredSortedAndPagedWithoutGapsOrRepeats() {
        Site bg = fx.site("BG-01", "Beer garden");
        Staff ow2 = fx.staff("OW02", "Team B");
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            Site s = i % 3 == 0 ? bg : ktv;
            Staff w = i % 2 == 0 ? ow2 : ow1;
            KpType kp = i % 5 == 0 ? KpType.MSM : KpType.FEW;
            ContactStatus st = i % 7 == 0 ? ContactStatus.LOST_TO_FOLLOW_UP : ContactStatus.ACTIVE;
            // first-contact dates repeat, so ties cross page boundaries
            all.add(fx.newContact(DeskFixtures.uic(i * 7 + 3, "150398"), kp, 1998, s.meta().id(), w.meta().id(),
                    LocalDate.of(2026, 1 + i % 9, 1), st));
        }
        fx.contacts(all);

        List<ContactListing> paged = pageThrough(ContactFilter.ALL, 100);
        assertThat(paged).extracting(l -> l.contact().uic().value())
                .containsExactlyElementsOf(all.stream().map(c -> c.uic().value()).sorted().toList());

        ContactFilter newest = ContactFilter.ALL.withSort(ContactFilter.Sort.NEWEST_FIRST);
        List<ContactListing> byDate = pageThrough(newest, 40);
        assertThat(byDate).extracting(l -> l.contact().id())
                .containsExactlyElementsOf(all.stream()
                        .sorted(Comparator.comparing(Contact::firstContactDate).reversed()
                                .thenComparing(c -> c.uic().value()))
                        .map(Contact::id).toList());

        ContactFilter f = ContactFilter.ALL.withSite(bg.meta().id()).withStaff(ow2.meta().id())
                .withKpType(KpType.FEW).withStatus(ContactStatus.ACTIVE);
        List<Contact> expected = all.stream().filter(c -> c.homeSiteId().equals(bg.meta().id())
                && c.assignedStaffId().equals(ow2.meta().id()) && c.kpType() == KpType.FEW
                && c.status() == ContactStatus.ACTIVE).toList();
        assertThat(expected).isNotEmpty();
        assertThat(contacts.count(f)).isEqualTo(expected.size());
        assertThat(pageThrough(f, 7)).extracting(l -> l.contact().id())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Contact::id).toList())
                .allSatisfy(id -> assertThat(id).isNotNull());
        assertThat(pageThrough(f, 7)).extracting(ContactListing::homeSiteCode, ContactListing::staffCode)
                .containsOnly(tuple("BG-01", "OW02"));

        String prefix = all.get(0).uic().value().substring(0, 3);
        ContactFilter byPrefix = ContactFilter.ALL.withUicPrefix(" " + prefix.toLowerCase() + " ");
        assertThat(pageThrough(byPrefix, 50)).extracting(l -> l.contact().uic().value())
                .isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(prefix));
        assertThat(contacts.count(byPrefix))
                .isEqualTo(all.stream().filter(c -> c.uic().value().startsWith(prefix)).count());
        // wildcards are not patterns
        assertThat(contacts.count(ContactFilter.ALL.withUicPrefix("%"))).isZero();
        assertThat(contacts.count(ContactFilter.ALL.withUicPrefix("_"))).isZero();
        assertThat(contacts.page(ContactFilter.ALL, null, 100000).rows()).hasSize(230);
    }

    private List<ContactListing> pageThrough(ContactFilter f, int size) {
        List<ContactListing> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        ContactListing after = null;
        ContactService.Page p;
        int pages = 0;
        do {
            p = contacts.page(f, after, size);
            assertThat(p.rows().size()).isLessThanOrEqualTo(size);
            for (ContactListing l : p.rows()) {
                assertThat(seen.add(l.contact().id())).as("no repeats").isTrue();
            }
            out.addAll(p.rows());
            after = p.rows().isEmpty() ? after : p.rows().get(p.rows().size() - 1);
            assertThat(++pages).isLessThan(1000);
        } while (p.more());
        return out;
    }

    @Test
    void theTimelineShowsEncountersReferralsIncidentsAndScreensNewestFirst() {
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        var khana = fx.org("KHANA", ServiceType.HTS);
        EncounterService encounters = new EncounterService(ws);
        encounters.save(EncounterService.Draft.of(c.id(), TODAY.minusDays(10), ow1.meta().id(), ktv.meta().id())
                .withQuantities(5, 0, 0, 0)
                .withReferrals(List.of(new EncounterService.ReferralRequest(ServiceType.HTS, khana.meta().id(), null))));
        encounters.save(EncounterService.Draft.of(c.id(), TODAY.minusDays(1), ow1.meta().id(), ktv.meta().id()));
        Incident incident = new Incident(ws.newMeta(), TODAY.minusDays(5), ktv.meta().id(), c.id(),
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, null, null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "incident", incident.meta().id().toString(), null, tx -> {
            tx.incidents().insert(incident);
            return null;
        });
        new SafeguardingService(ws).record(new SafeguardingService.Draft(TODAY.minusDays(3), c.id(), null,
                ktv.meta().id(), ow1.meta().id(), true, false, false, false, false, false, null, false, null));
        Contact other = fx.contact("DAVI2010190", KpType.FEW, 1990, ktv, ow1);
        encounters.save(EncounterService.Draft.of(other.id(), TODAY, ow1.meta().id(), ktv.meta().id()));

        List<TimelineEntry> t = contacts.timeline(c.id());
        assertThat(t).extracting(TimelineEntry::date, TimelineEntry::kind).containsExactly(
                tuple(TODAY.minusDays(1), TimelineKind.ENCOUNTER),
                tuple(TODAY.minusDays(3), TimelineKind.SAFEGUARDING),
                tuple(TODAY.minusDays(5), TimelineKind.INCIDENT),
                tuple(TODAY.minusDays(10), TimelineKind.ENCOUNTER),
                tuple(TODAY.minusDays(10), TimelineKind.REFERRAL));
        assertThat(t.get(0).siteCode()).isEqualTo("KTV-03");
        assertThat(t.get(0).staffCode()).isEqualTo("OW01");
        assertThat(t.get(4).destination()).isEqualTo("KHANA");
        assertThat(t.get(4).referral().serviceType()).isEqualTo(ServiceType.HTS);
        assertThat(t.get(1).screen().debtBondage()).isTrue();
        assertThat(contacts.lookup("SOCH2150398").orElseThrow().lastEncounter()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void aReferralIsMadeFromTheContactDueAWeekLater() {
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        var licadho = fx.org("LICADHO", ServiceType.LEGAL);
        org.outreachdesk.domain.Referral r = contacts.refer(c.id(), ServiceType.LEGAL, licadho.meta().id(),
                TODAY.minusDays(1), null);
        assertThat(r.status()).isEqualTo(org.outreachdesk.domain.ReferralStatus.PENDING);
        assertThat(r.dueDate()).isEqualTo(TODAY.plusDays(6));
        assertThat(r.encounterId()).isNull();
        assertThat(contacts.timeline(c.id())).extracting(TimelineEntry::kind).containsExactly(TimelineKind.REFERRAL);
        assertThat(contacts.choices().destinationsFor(ServiceType.LEGAL)).extracting(d -> d.name())
                .containsExactly("LICADHO");
        var audit = ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
        assertThat(audit.recordType()).isEqualTo("referral");
        assertThatThrownBy(() -> contacts.refer(c.id(), ServiceType.HTS, licadho.meta().id(), TODAY, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("referral.destination"));
        assertThatThrownBy(() -> contacts.refer(c.id(), ServiceType.HTS, null, TODAY.plusDays(1), null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("date.future"));
        assertThatThrownBy(() -> contacts.refer(c.id(), ServiceType.HTS, null, TODAY, TODAY.minusDays(1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("referral.dueBeforeMade"));
        assertThat(contacts.timeline(c.id())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleMayLookUpCreateAndList(Role role, @TempDir Path other) {
        ws.close();
        open(DeskFixtures.as(role, other));
        Contact c = contacts.create(newContact("SOCH2150398", KpType.FSW, 1998), false);
        assertThat(contacts.lookup("SOCH2150398")).isPresent();
        assertThat(contacts.page(ContactFilter.ALL, null, 10).rows()).hasSize(1);
        assertThat(contacts.timeline(c.id())).isEmpty();
        contacts.changeStatus(c.id(), 1, ContactStatus.DECEASED, TODAY);
        contacts.refer(c.id(), ServiceType.HTS, null, TODAY, null);
    }
}

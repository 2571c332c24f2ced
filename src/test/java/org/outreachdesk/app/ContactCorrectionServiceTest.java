package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.app.ContactCorrectionService.Profile;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.MergeRepository;

/** Correcting a contact's profile and UIC, and "not the same person": per action and per role, on real vaults. */
class ContactCorrectionServiceTest {

    static final String CODE = "SOCH2150398";

    @TempDir
    Path dir;

    Workspace ws;
    DeskFixtures fx;
    Site ktv;
    Staff ow1;

    @AfterEach
    void lock() {
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    private ContactCorrectionService as(Role role) {
        ws = DeskFixtures.as(role, dir.resolve("vault"));
        fx = new DeskFixtures(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
        return new ContactCorrectionService(ws);
    }

    private Contact stored(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().findById(id)).orElseThrow();
    }

    private List<RecordChange> history(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(id));
    }

    private AuditEntry lastAudit() {
        return ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
    }

    private static Profile corrected(Contact c) {
        return new Profile(Gender.TGW, KpType.TG, 1998, c.homeSiteId(), c.assignedStaffId(), ContactStatus.ACTIVE, null,
                "evening round");
    }

    @Test
    void aProfileCorrectionKeepsTheOldValuesInTheHistoryAndAuditsFieldNamesOnly() {
        ContactCorrectionService corrections = as(Role.COORDINATOR);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        Contact after = corrections.correctProfile(c.id(), 1, corrected(c));

        Contact s = stored(c.id());
        assertThat(s.gender()).isEqualTo(Gender.TGW);
        assertThat(s.kpType()).isEqualTo(KpType.TG);
        assertThat(s.note()).isEqualTo("evening round");
        assertThat(s.meta().version()).isEqualTo(2).isEqualTo(after.meta().version());
        assertThat(s.meta().updatedBy()).isEqualTo(ws.user().id());
        assertThat(s.uic().value()).isEqualTo(CODE);

        List<RecordChange> h = history(c.id());
        assertThat(h).hasSize(1);
        RecordChange ch = h.get(0);
        assertThat(ch.kind()).isEqualTo(ChangeKind.CORRECT);
        assertThat(ch.recordType()).isEqualTo(RecordType.CONTACT);
        assertThat(ch.baseVersion()).isEqualTo(1);
        assertThat(ch.newVersion()).isEqualTo(2);
        assertThat(ch.byName()).isEqualTo("coordinator");
        assertThat(ch.fields()).containsExactly(new FieldChange("gender", "F", "TGW"),
                new FieldChange("kpType", "FEW", "TG"), new FieldChange("note", null, "evening round"));

        AuditEntry a = lastAudit();
        assertThat(a.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(a.recordId()).isEqualTo(c.id().toString());
        assertThat(a.detail()).isEqualTo("gender,kpType,note");
    }

    @Test
    void aCorrectionOnAnOlderVersionIsRefusedAsChangedElsewhere() {
        ContactCorrectionService corrections = as(Role.ADMIN);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        corrections.correctProfile(c.id(), 1, corrected(c));
        Profile other = new Profile(Gender.F, KpType.MSM, 1998, null, null, ContactStatus.ACTIVE, null, null);
        assertThatThrownBy(() -> corrections.correctProfile(c.id(), 1, other))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("contact.changed"));
        assertThatThrownBy(() -> corrections.correctUic(c.id(), 1, "SOCH2150399"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("contact.changed"));
        assertThat(stored(c.id()).kpType()).isEqualTo(KpType.TG);
        assertThat(history(c.id())).hasSize(1);
    }

    @Test
    void nothingChangedIsRefusedAndWrongValuesAreNamedByField() {
        ContactCorrectionService corrections = as(Role.ADMIN);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        assertThatThrownBy(() -> corrections.correctProfile(c.id(), 1, Profile.of(c)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("correction.nothing"));
        Profile wrongYear = new Profile(Gender.F, KpType.FEW, 1997, null, null, ContactStatus.LOST_TO_FOLLOW_UP, null, null);
        assertThatThrownBy(() -> corrections.correctProfile(c.id(), 1, wrongYear))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("statusDate", "birthYear"));
        assertThat(history(c.id())).isEmpty();
    }

    @Test
    void aChildIsNeverRecordedAsASexWorkerByACorrection() {
        ContactCorrectionService corrections = as(Role.ADMIN);
        // born 15 March 2012: 14 at the first contact on 2026-01-10
        Contact c = fx.contact("SOCH2150312", KpType.OTHER, null, ktv, ow1);
        Profile fsw = new Profile(Gender.F, KpType.FSW, null, null, null, ContactStatus.ACTIVE, null, null);
        assertThatThrownBy(() -> corrections.correctProfile(c.id(), 1, fsw))
                .isInstanceOf(SafeguardingRequiredException.class);
        assertThat(stored(c.id()).kpType()).isEqualTo(KpType.OTHER);
    }

    @Test
    void anOutreachWorkerCorrectsTheirOwnContactOfThisWeekOnly() {
        ContactCorrectionService corrections = as(Role.OUTREACH_WORKER);
        Contact own = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        corrections.correctProfile(own.id(), 1, corrected(own));
        assertThat(stored(own.id()).kpType()).isEqualTo(KpType.TG);

        // their own, entered eight days ago
        Instant old = ws.clock().instant().minus(Duration.ofDays(8));
        Contact older = new Contact(new RecordMeta(UUID.randomUUID(), old, old, ws.user().id(), ws.user().id(),
                ws.author().deviceId(), 1), Uic.parse("DAVI2010101"), 2001, Gender.F, KpType.FEW,
                LocalDate.of(2026, 10, 1), null, null, ContactStatus.ACTIVE, null, null);
        fx.contacts(List.of(older));
        assertThatThrownBy(() -> corrections.correctProfile(older.id(), 1, corrected(older)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(corrections.mayCorrect(older)).isFalse();
        assertThat(corrections.mayCorrect(own)).isTrue();
        assertThat(stored(older.id()).meta().version()).isEqualTo(1);
        // UIC corrections, merges and "not the same person" are for coordinators and above
        assertThat(corrections.mayMerge()).isFalse();
        assertThatThrownBy(() -> corrections.correctUic(own.id(), 2, "SOCH2150399"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> corrections.markDistinct(own.id(), older.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored(own.id()).uic().value()).isEqualTo(CODE);
    }

    @Test
    void anOutreachWorkerCannotCorrectAContactSomeoneElseEntered() {
        Path vault = dir.resolve("vault");
        Contact theirs;
        try (Workspace admin = TestWorkspaces.admin(vault)) {
            new UserService(admin).add("worker", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            theirs = new DeskFixtures(admin).contact(CODE, KpType.FEW, 1998, null, null);
        }
        ws = TestWorkspaces.vaults().unlock(vault, "worker", TestWorkspaces.PASSWORD.toCharArray());
        ContactCorrectionService corrections = new ContactCorrectionService(ws);
        assertThatThrownBy(() -> corrections.correctProfile(theirs.id(), 1, corrected(theirs)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(history(theirs.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "MANAGER", "ADMIN"})
    void coordinatorsAndAboveCorrectAUicAndTheOldCodeStillFindsTheContact(Role role) {
        ContactCorrectionService corrections = as(role);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        Contact after = corrections.correctUic(c.id(), 1, " soch 215 0399 ");
        assertThat(after.uic().value()).isEqualTo("SOCH2150399");
        assertThat(stored(c.id()).uic().value()).isEqualTo("SOCH2150399");
        assertThat(stored(c.id()).meta().version()).isEqualTo(2);

        ContactService contacts = new ContactService(ws);
        assertThat(contacts.lookup(CODE).orElseThrow().contact().id()).isEqualTo(c.id());
        assertThat(contacts.lookup("SOCH2150399").orElseThrow().contact().id()).isEqualTo(c.id());
        // the old code searched in the register finds the contact under its new code
        assertThat(contacts.page(ContactFilter.ALL.withUicPrefix("SOCH215039"), null, 10).rows()).hasSize(1);
        assertThat(contacts.page(ContactFilter.ALL.withUicPrefix(CODE), null, 10).rows())
                .extracting(l -> l.contact().id()).containsExactly(c.id());
        // and is not a new person
        assertThatThrownBy(() -> contacts.create(new ContactService.NewContact(Uic.parse(CODE), Gender.F, KpType.FEW,
                1998, LocalDate.of(2026, 10, 1), null, null, null), true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("uic.taken"));

        RecordChange ch = history(c.id()).get(0);
        assertThat(ch.kind()).isEqualTo(ChangeKind.UIC);
        assertThat(ch.fields()).containsExactly(new FieldChange("uic", CODE, "SOCH2150399"));
        AuditEntry a = lastAudit();
        assertThat(a.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(a.detail()).isEqualTo("uic");
    }

    @Test
    void aUicOfAnotherContactIsRefusedWithAdviceToMerge() {
        ContactCorrectionService corrections = as(Role.COORDINATOR);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        fx.contact("SOCH2150399", KpType.FEW, 1999, ktv, ow1);
        assertThatThrownBy(() -> corrections.correctUic(c.id(), 1, "SOCH2150399"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("uic.otherContact"))
                .message().doesNotContain("SOCH");
        assertThatThrownBy(() -> corrections.correctUic(c.id(), 1, CODE))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("uic.same"));
        assertThat(history(c.id())).isEmpty();
    }

    @Test
    void aUicCorrectedBackTakesTheOldCodeFromItsAliases() {
        ContactCorrectionService corrections = as(Role.COORDINATOR);
        Contact c = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        corrections.correctUic(c.id(), 1, "SOCH2150399");
        corrections.correctUic(c.id(), 2, CODE);
        assertThat(stored(c.id()).uic().value()).isEqualTo(CODE);
        List<Uic> aliases = ws.read(Permission.RECORDS, tx -> tx.merges().aliasesOf(c.id()));
        assertThat(aliases).extracting(Uic::value).containsExactly("SOCH2150399");
        assertThat(history(c.id())).extracting(RecordChange::newVersion).containsExactly(2, 3);
    }

    @Test
    void notTheSamePersonIsStoredOnceInOneOrder() {
        ContactCorrectionService corrections = as(Role.MANAGER);
        Contact a = fx.contact(CODE, KpType.FEW, 1998, ktv, ow1);
        Contact b = fx.contact("SOCH1150398", KpType.MSM, 1998, ktv, ow1);
        corrections.markDistinct(b.id(), a.id());
        corrections.markDistinct(a.id(), b.id());
        UUID[] pair = MergeRepository.ordered(a.id(), b.id());
        assertThat(pair[0].toString().compareTo(pair[1].toString())).isNegative();
        Set<String> pairs = ws.read(Permission.RECORDS, tx -> tx.merges().distinctPairs());
        assertThat(pairs).containsExactly(pair[0] + "|" + pair[1]);
        boolean apart = ws.read(Permission.RECORDS, tx -> tx.merges().isDistinct(b.id(), a.id()));
        assertThat(apart).isTrue();
        assertThat(lastAudit().recordType()).isEqualTo("distinct_contacts");
    }
}

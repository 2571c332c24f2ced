package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.SafeguardingService.Draft;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;

class SafeguardingServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    Workspace ws;
    DeskFixtures fx;
    SafeguardingService safeguarding;
    Site ktv;
    Staff ow1;
    DirectoryEntry iom;
    DirectoryEntry chabDai;

    @BeforeEach
    void setUp() {
        ws = TestWorkspaces.admin(dir);
        fx = new DeskFixtures(ws);
        safeguarding = new SafeguardingService(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
        iom = fx.org("IOM Cambodia", ServiceType.TRAFFICKING);
        chabDai = fx.org("Chab Dai Coalition", ServiceType.TRAFFICKING, ServiceType.CHILD_PROTECTION);
        fx.org("KHANA", ServiceType.HTS);
        fx.org("Closed shelter", false, ServiceType.CHILD_PROTECTION);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Draft draft(Contact c, boolean debt, boolean under18, boolean referT, boolean referC) {
        return new Draft(TODAY, c == null ? null : c.id(), null, ktv.meta().id(), ow1.meta().id(), debt, false, false,
                false, under18, referT, referT ? iom.meta().id() : null, referC, null);
    }

    @Test
    void theProtocolNamesTheHotlineAndTheOrganisationsOfTheDirectory() {
        SafeguardingService.Protocol p = safeguarding.protocol();
        assertThat(p.hotline()).isEqualTo("1288");
        assertThat(p.trafficking()).extracting(DirectoryEntry::name).containsExactly("Chab Dai Coalition", "IOM Cambodia");
        assertThat(p.childProtection()).extracting(DirectoryEntry::name).containsExactly("Chab Dai Coalition");
    }

    @Test
    void anIndicatorWithAOneStepReferralSavesTheScreenAndThePendingReferral() {
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        SafeguardingService.Recorded r = safeguarding.record(draft(c, true, false, true, false));
        SafeguardingScreen s = r.screen();
        assertThat(s.flagged()).isTrue();
        assertThat(s.protocolShown()).isTrue();
        assertThat(s.debtBondage()).isTrue();
        assertThat(r.referrals()).singleElement().satisfies(ref -> {
            assertThat(ref.serviceType()).isEqualTo(ServiceType.TRAFFICKING);
            assertThat(ref.directoryEntryId()).isEqualTo(iom.meta().id());
            assertThat(ref.status()).isEqualTo(ReferralStatus.PENDING);
            assertThat(ref.dueDate()).isEqualTo(TODAY.plusDays(7));
            assertThat(s.referralId()).isEqualTo(ref.id());
        });
        List<SafeguardingScreen> stored = screensOf(c);
        assertThat(stored).singleElement().satisfies(x -> assertThat(x.referralId()).isEqualTo(r.referrals().get(0).id()));
        assertThat(referralsOf(c)).extracting(Referral::serviceType).containsExactly(ServiceType.TRAFFICKING);
        // an adult keeps their key-population type
        assertThat(r.contact().kpType()).isEqualTo(KpType.FEW);
        var audit = ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
        assertThat(audit.recordType()).isEqualTo("safeguarding_screen");
        assertThat(audit.recordId()).isEqualTo(s.meta().id().toString());
    }

    @Test
    void anExistingChildRecordedAsASexWorkerIsReclassifiedAndReferredToChildProtection() {
        Contact child = fx.contact("NAVI2050310", KpType.FSW, 2010, ktv, ow1);
        SafeguardingService.Recorded r = safeguarding.record(new Draft(TODAY, child.id(), null, ktv.meta().id(),
                ow1.meta().id(), false, false, false, false, true, true, null, true, chabDai.meta().id()));
        assertThat(r.referrals()).extracting(Referral::serviceType)
                .containsExactly(ServiceType.CHILD_PROTECTION, ServiceType.TRAFFICKING);
        assertThat(r.screen().under18()).isTrue();
        Contact now = new ContactService(ws).find(child.id()).orElseThrow().contact();
        assertThat(now.kpType()).isEqualTo(KpType.OTHER);
        assertThat(SafeguardingService.required(now, TODAY)).isFalse();
        assertThat(SafeguardingService.required(child, TODAY)).isTrue();
    }

    @Test
    void aNewChildIsRecordedOnlyWithTheCodeAndNeverAsASexWorkerWhenReferred() {
        ContactService.NewContact person = new ContactService.NewContact(Uic.parse("NAVI2050310"), Gender.F,
                KpType.FSW, 2010, TODAY, ktv.meta().id(), ow1.meta().id(), null);
        SafeguardingService.Recorded r = safeguarding.record(new Draft(TODAY, null, person, ktv.meta().id(),
                ow1.meta().id(), false, false, false, false, true, false, null, true, null));
        assertThat(r.contact().kpType()).isEqualTo(KpType.OTHER);
        assertThat(r.contact().uic().value()).isEqualTo("NAVI2050310");
        assertThat(r.referrals()).extracting(Referral::serviceType).containsExactly(ServiceType.CHILD_PROTECTION);
        assertThat(r.referrals().get(0).contactId()).isEqualTo(r.contact().id());
        assertThat(r.screen().contactId()).isEqualTo(r.contact().id());
    }

    @Test
    void withoutAReferralANewPersonIsNotRecordedButTheScreenIsCounted() {
        ContactService.NewContact person = new ContactService.NewContact(Uic.parse("NAVI2050310"), Gender.F,
                KpType.FSW, 2010, TODAY, null, null, null);
        SafeguardingService.Recorded r = safeguarding.record(new Draft(TODAY, null, person, null, null,
                false, true, false, false, true, false, null, false, null));
        assertThat(r.contact()).isNull();
        assertThat(r.screen().contactId()).isNull();
        assertThat(r.screen().confinement()).isTrue();
        assertThat(new ContactService(ws).count(ContactFilter.ALL)).isZero();
    }

    @Test
    void aReferralNeedsAPersonAndTheScreenItsDate() {
        assertThatThrownBy(() -> safeguarding.record(draft(null, true, false, true, false)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("referral.needsContact"));
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        assertThatThrownBy(() -> safeguarding.record(new Draft(TODAY.plusDays(1), c.id(), null, null, null,
                true, false, false, false, false, false, null, false, null)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("date"));
        // a destination that does not offer the service is refused, and nothing is left behind
        assertThatThrownBy(() -> safeguarding.record(new Draft(TODAY, c.id(), null, null, null, true, false, false,
                false, false, false, null, true, iom.meta().id())))
                .isInstanceOf(InvalidFieldsException.class);
        assertThat(screensOf(c)).isEmpty();
        assertThat(referralsOf(c)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.outreachdesk.domain.Role.class)
    void everyRoleMayScreenAndRefer(org.outreachdesk.domain.Role role, @TempDir Path other) {
        ws.close();
        ws = DeskFixtures.as(role, other);
        fx = new DeskFixtures(ws);
        safeguarding = new SafeguardingService(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
        iom = fx.org("IOM Cambodia", ServiceType.TRAFFICKING);
        Contact c = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        assertThat(safeguarding.protocol().trafficking()).hasSize(1);
        assertThat(safeguarding.record(draft(c, true, false, true, false)).referrals()).hasSize(1);
    }

    private List<SafeguardingScreen> screensOf(Contact c) {
        return ws.read(Permission.RECORDS, tx -> tx.safeguarding().forContact(c.id()));
    }

    private List<Referral> referralsOf(Contact c) {
        return ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(c.id()));
    }
}

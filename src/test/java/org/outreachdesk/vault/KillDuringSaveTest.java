package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/**
 * A laptop that dies mid-save: a child JVM saves encounters as fast as it can and is killed ({@code kill -9})
 * at a random moment, again and again. Every save the child reported as done must be there afterwards, the
 * vault must open every time, and the audit chain must stay intact (records and their entries commit
 * together).
 */
class KillDuringSaveTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void reopeningAfterAKillAlwaysWorksAndLosesNoCommittedEncounter() throws Exception {
        UUID siteId;
        UUID staffId;
        try (Vault v = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            Site site = new Site(RecordMeta.create(v.author(), CLOCK.instant()), "KTV-01", "Site", VenueType.KTV, null,
                    null, 20, true);
            Staff staff = new Staff(RecordMeta.create(v.author(), CLOCK.instant()), "OW01", StaffKind.OUTREACH_WORKER,
                    "A", true);
            v.writeAudited(AuditAction.CREATE, "site", site.meta().id().toString(), null, tx -> {
                tx.sites().insert(site);
                tx.staff().insert(staff);
                return null;
            });
            siteId = site.meta().id();
            staffId = staff.meta().id();
        }
        Random random = new Random();
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dir.toString(),
                    siteId.toString(), staffId.toString(), Integer.toString(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            CountDownLatch firstSave = new CountDownLatch(1);
            int[] reported = {0};
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.US_ASCII))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        // a line cut off by the kill is no report; a whole one names a durable save
                        if (line.startsWith("SAVED ") && line.length() == 6 + 36) {
                            committed.add(UUID.fromString(line.substring(6)));
                            reported[0]++;
                            firstSave.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the pipe breaks when the child dies
                }
            });
            reader.start();
            assertThat(firstSave.await(120, TimeUnit.SECONDS)).as("round %d: the child saved something", round).isTrue();
            long delay = 20 + random.nextInt(1500);
            Thread.sleep(delay);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            rounds.add("round " + round + ": killed " + delay + " ms after the first save, " + reported[0] + " saves reported");

            try (Vault v = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
                List<UUID> missing = committed.stream()
                        .filter(id -> v.database().read(tx -> tx.encounters().findById(id)).isEmpty()).toList();
                assertThat(missing).as("committed encounters missing after %s", rounds).isEmpty();
                AuditVerification audit = v.database().read(tx -> v.audit().verify(tx));
                assertThat(audit.intact()).as("audit chain after %s: %s", rounds, audit.problem()).isTrue();
            }
        }
        assertThat(committed).as("saves over all rounds").hasSizeGreaterThan(ROUNDS);
        System.out.println(String.join("\n", rounds));
    }

    /** Child process: saves encounters one audited transaction at a time, reporting each once it is durable. */
    public static final class Writer {
        public static void main(String[] args) {
            Path dir = Path.of(args[0]);
            UUID siteId = UUID.fromString(args[1]);
            UUID staffId = UUID.fromString(args[2]);
            int round = Integer.parseInt(args[3]);
            Vault v = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
            String uic = "KI" + (char) ('A' + round) + "L2" + String.format("%02d", round) + "0199";
            Contact contact = new Contact(RecordMeta.create(v.author(), CLOCK.instant()), Uic.parse(uic), 1999, Gender.F,
                    KpType.FSW, LocalDate.of(2020, 1, 1), siteId, staffId, ContactStatus.ACTIVE, null, null);
            v.writeAudited(AuditAction.CREATE, "contact", contact.id().toString(), null, tx -> {
                tx.contacts().insert(contact);
                return null;
            });
            for (int i = 0; ; i++) {
                Encounter e = new Encounter(RecordMeta.create(v.author(), CLOCK.instant()), contact.id(),
                        LocalDate.of(2020, 1, 1).plusDays(i), staffId, siteId, EncounterType.INDIVIDUAL, true, false,
                        new Encounter.Quantities(10, 0, 5, 0), HivStatus.TESTED, false, null);
                v.writeAudited(AuditAction.CREATE, "encounter", e.id().toString(), null, tx -> {
                    tx.encounters().insert(e);
                    return null;
                });
                System.out.println("SAVED " + e.id());
                System.out.flush();
            }
        }
    }
}

package org.outreachdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.store.StoreTestAccess;

/**
 * A throwaway measurement of the encounter desk on a vault with 100,000 contacts (not a timed test: it runs only
 * with {@code -Ddesk.bench=true}). Writes its numbers to {@code target/desk-bench.txt}:
 * <pre>mvn -B -o -q test -Dtest=DeskBenchmark -Ddesk.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "desk.bench", matches = "true")
class DeskBenchmark {

    static final int CONTACTS = Integer.getInteger("desk.bench.contacts", 100_000);
    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    private final StringBuilder out = new StringBuilder();

    @Test
    void measure() throws IOException {
        line("load average at start: %.1f on %d processors",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            DeskFixtures fx = new DeskFixtures(ws);
            List<Site> sites = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sites.add(fx.site(String.format(Locale.ROOT, "KTV-%02d", i), "Site " + i));
            }
            List<Staff> staff = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                staff.add(fx.staff(String.format(Locale.ROOT, "OW%02d", i), "Team " + (i % 3)));
            }
            var khana = fx.org("KHANA", ServiceType.HTS, ServiceType.STI);
            Random rnd = new Random(42);
            long t0 = System.nanoTime();
            List<Contact> all = new ArrayList<>(CONTACTS);
            for (int batch = 0; batch < CONTACTS; batch += 10_000) {
                List<Contact> chunk = new ArrayList<>();
                for (int i = batch; i < Math.min(CONTACTS, batch + 10_000); i++) {
                    String dob = String.format(Locale.ROOT, "%02d%02d%02d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12),
                            80 + rnd.nextInt(20));
                    KpType kp = KpType.values()[rnd.nextInt(KpType.values().length)];
                    chunk.add(fx.newContact(DeskFixtures.uic(i * 4 + rnd.nextInt(4), dob), kp,
                            1900 + Integer.parseInt(dob.substring(4)), sites.get(rnd.nextInt(sites.size())).meta().id(),
                            staff.get(rnd.nextInt(staff.size())).meta().id(), LocalDate.of(2024, 1, 1)
                                    .plusDays(rnd.nextInt(900)), rnd.nextInt(20) == 0 ? ContactStatus.MOVED_AWAY
                                    : ContactStatus.ACTIVE));
                }
                fx.contacts(chunk);
                all.addAll(chunk);
            }
            line("contacts inserted: %d in %.1f s", all.size(), (System.nanoTime() - t0) / 1e9);
            // one earlier encounter for a third of them, so "last seen" has something to find
            t0 = System.nanoTime();
            for (int batch = 0; batch < all.size() / 3; batch += 10_000) {
                int from = batch;
                ws.write(Permission.RECORDS, AuditAction.IMPORT, "encounter", null, null, tx -> {
                    for (int i = from; i < Math.min(all.size() / 3, from + 10_000); i++) {
                        Contact c = all.get(i * 3);
                        tx.encounters().insert(new Encounter(ws.newMeta(), c.id(), LocalDate.of(2026, 9, 1),
                                c.assignedStaffId(), c.homeSiteId(), EncounterType.INDIVIDUAL, true, false,
                                new Encounter.Quantities(10, 0, 5, 0), HivStatus.TESTED, false, null));
                    }
                    return null;
                });
            }
            line("encounters inserted: %d in %.1f s", all.size() / 3, (System.nanoTime() - t0) / 1e9);

            ContactService contacts = new ContactService(ws);
            EncounterService encounters = new EncounterService(ws);

            // UIC lookup (with site, worker and last encounter), typed in lower case with blanks
            for (int i = 0; i < 200; i++) {
                contacts.lookup(all.get(rnd.nextInt(all.size())).uic().value());
            }
            report("UIC lookup (found)", 2000, () -> contacts.lookup(
                    spaced(all.get(rnd.nextInt(all.size())).uic().value().toLowerCase(Locale.ROOT))));
            report("UIC lookup (not found)", 500, () -> contacts.lookup("ZZZZ2010101"));
            report("near-duplicate candidates", 200, () -> contacts.nearDuplicates(all.get(rnd.nextInt(all.size())).uic()));

            // the register's first page: the count and 100 rows, as the Contacts section opens
            report("register opens: count + first 100 (by UIC)", 30, () -> {
                contacts.count(ContactFilter.ALL);
                return contacts.page(ContactFilter.ALL, null, 100);
            });
            ContactFilter newest = ContactFilter.ALL.withSort(ContactFilter.Sort.NEWEST_FIRST);
            report("register: count + first 100 (newest first contact)", 30, () -> {
                contacts.count(newest);
                return contacts.page(newest, null, 100);
            });
            ContactFilter site = ContactFilter.ALL.withSite(sites.get(3).meta().id()).withKpType(KpType.FEW);
            report("register: site + KP filter, count + first 100", 30, () -> {
                contacts.count(site);
                return contacts.page(site, null, 100);
            });
            ContactFilter moved = ContactFilter.ALL.withStatus(ContactStatus.MOVED_AWAY).withStaff(staff.get(5).meta().id());
            report("register: status + worker filter, count + first 100", 30, () -> {
                contacts.count(moved);
                return contacts.page(moved, null, 100);
            });
            report("register: UIC prefix 'AB', count + first 100", 30, () -> {
                ContactFilter f = ContactFilter.ALL.withUicPrefix("ab");
                contacts.count(f);
                return contacts.page(f, null, 100);
            });
            var deep = contacts.page(ContactFilter.ALL, null, 500).rows();
            report("register: a page deep in the list (keyset)", 30,
                    () -> contacts.page(ContactFilter.ALL, all.get(rnd.nextInt(all.size())) == null ? null
                            : deep.get(deep.size() - 1), 100));

            // saving an encounter with two referrals and three hand-outs, durable commit included
            int[] next = {0};
            report("save encounter (2 referrals, 3 hand-outs, durable)", 400, () -> {
                Contact c = all.get(1 + 3 * next[0]++);
                return encounters.save(EncounterService.Draft.of(c.id(), TODAY, staff.get(0).meta().id(),
                                sites.get(0).meta().id())
                        .withQuantities(12, 2, 6, 0)
                        .withReferrals(List.of(new EncounterService.ReferralRequest(ServiceType.HTS, khana.meta().id(),
                                null), EncounterService.ReferralRequest.of(ServiceType.LEGAL))));
            });

            report("empty audited write (audit entry + durable checkpoint)", 200,
                    () -> ws.write(Permission.RECORDS, AuditAction.UPDATE, "x", null, null, tx -> null));
            report("plain read: contact by id", 500, () -> ws.read(Permission.RECORDS,
                    tx -> tx.contacts().findById(all.get(rnd.nextInt(all.size())).id())));
            explain(ws);
        }
        Path file = Path.of("target", "desk-bench.txt");
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    private static String spaced(String uic) {
        return " " + uic.substring(0, 4) + " " + uic.substring(4) + " ";
    }

    private void report(String what, int n, Supplier<?> work) {
        long[] ns = new long[n];
        long[] cpu = new long[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.get();
            ns[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(ns);
        Arrays.sort(cpu);
        line("%-55s n=%4d  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (this thread's CPU: p50 %6.2f  p95 %6.2f ms)",
                what, n, ns[n / 2] / 1e6, ns[(int) Math.ceil(n * 0.95) - 1] / 1e6, ns[n - 1] / 1e6,
                cpu[n / 2] / 1e6, cpu[(int) Math.ceil(n * 0.95) - 1] / 1e6);
    }

    private void explain(Workspace ws) {
        DSLContext dsl = StoreTestAccess.dsl(ws.vault().database());
        String listing = "SELECT c.*, s.code, st.code, (SELECT MAX(e.encounter_date) FROM encounter e "
                + "WHERE e.contact_id = c.id) FROM contact c LEFT JOIN site s ON s.id = c.home_site_id "
                + "LEFT JOIN staff st ON st.id = c.assigned_staff_id ";
        for (String q : List.of(
                listing + "WHERE c.uic = 'ABCD2010190'",
                listing + "ORDER BY c.uic LIMIT 101",
                listing + "WHERE c.uic > 'MMMM2010190' ORDER BY c.uic LIMIT 101",
                listing + "WHERE c.uic LIKE 'AB%' ORDER BY c.uic LIMIT 101",
                listing + "ORDER BY c.first_contact_date DESC, c.uic LIMIT 101",
                listing + "WHERE c.home_site_id = RANDOM_UUID() AND c.kp_type = 'FEW' ORDER BY c.uic LIMIT 101",
                "SELECT COUNT(*) FROM contact c WHERE c.contact_status = 'MOVED_AWAY'",
                "SELECT uic FROM contact WHERE uic LIKE '_____010190'")) {
            line("EXPLAIN %s%n  %s", q, dsl.fetchValue("EXPLAIN " + q).toString().replace("\n", "\n  "));
        }
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}

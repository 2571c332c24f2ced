package org.outreachdesk.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.outreachdesk.app.VaultService;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.importer.RegisterGenerator;
import org.outreachdesk.vault.TestVaults;
import org.outreachdesk.vault.Vault;

/**
 * The crash test of register import (issue 17, item 1), outside the normal test run: a synthetic register of
 * {@code rows} valid rows is imported by the real command line ({@code Main import FILE --vault V --user U},
 * the password from {@code OUTREACH_DESK_PASSWORD}) in a child JVM, which is killed ({@code SIGKILL}) at a
 * chosen moment; then another child JVM unlocks the vault with a deadline, verifies the audit chain and
 * counts what is stored. Every kill must leave a vault that opens within the deadline, an intact chain, and
 * all of the import or none of it.
 *
 * <pre>
 * mvn -B -o test-compile
 * mvn -B -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.outreachdesk.app.crash.ImportCrashHarness \
 *      WORK_DIR [rows=20000] [kills=200] [seed=1]
 * </pre>
 *
 * Kill moments: one uninterrupted import first measures the run's length T (start of the JVM to its exit);
 * then a third of the kills are spread evenly over [0, T] and two thirds at random over [0.80 T, 1.02 T] (the
 * import's transaction, its commit and checkpoint; a little after T in case this run is slower). A summary line per kill and the totals go
 * to standard output and {@code WORK_DIR/crash-results.txt}.
 */
public final class ImportCrashHarness {

    static final String USER = "admin";
    static final String PASSWORD = TestVaults.ADMIN_PASSWORD;
    /** How long a vault may take to open (unlock, LOGIN audit entry, chain check, counts) after a kill: generous, the
     *  machines are shared (an uninterrupted import's vault took over 30 s to open at a load of 20); a vault that
     *  hangs never opens at all. The open times are reported. */
    static final long OPEN_DEADLINE_SECONDS = 120;

    private ImportCrashHarness() {
    }

    /** What the vault held after one kill. */
    public record Outcome(boolean opened, double openSeconds, boolean auditIntact, long contacts, long encounters,
                          String detail) {
        boolean allOrNothing(long fullContacts, long fullEncounters) {
            return (contacts == 0 && encounters == 0) || (contacts == fullContacts && encounters == fullEncounters);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--sweep")) {
            System.exit(sweep(Path.of(args[1]), Integer.parseInt(args[2])) == 0 ? 0 : 1);
        }
        Path work = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int kills = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int failures = run(work, rows, kills, seed);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs the whole crash test; returns the number of kills that left a bad vault. */
    static int run(Path work, int rows, int kills, long seed) throws Exception {
        Files.createDirectories(work);
        Path register = work.resolve("register-" + rows + ".csv");
        RegisterGenerator.write(register, rows, LocalDate.now(), seed);
        Path pristine = work.resolve("pristine");
        deleteTree(pristine);
        createVault(pristine);
        List<String> lines = new ArrayList<>();

        Path full = work.resolve("full");
        copyTree(pristine, full);
        long t0 = System.nanoTime();
        Process p = startImport(register, full);
        int rc = p.waitFor() ;
        double fullSeconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("the uninterrupted import failed with exit code " + rc);
        }
        Outcome whole = check(full);
        if (!whole.opened() || !whole.auditIntact() || whole.encounters() == 0) {
            throw new IllegalStateException("the uninterrupted import left " + whole);
        }
        log(lines, String.format(Locale.ROOT, "rows %d; uninterrupted import %.2f s (JVM start to exit); stored %d contacts, "
                + "%d encounters; opened in %.2f s", rows, fullSeconds, whole.contacts(), whole.encounters(), whole.openSeconds()));

        Random random = new Random(seed);
        long fullMillis = Math.round(fullSeconds * 1000);
        int failures = 0;
        int none = 0;
        int all = 0;
        double worstOpen = 0;
        for (int k = 0; k < kills; k++) {
            long at;
            if (k % 3 == 0) {
                at = fullMillis * (k / 3) / Math.max(1, (kills + 2) / 3);
            } else {
                // the last fifth of the run (writing the import's rows, its commit, the checkpoint) and a little after
                at = Math.round(fullMillis * (0.80 + 0.22 * random.nextDouble()));
            }
            Path v = work.resolve("kill");
            deleteTree(v);
            copyTree(pristine, v);
            Process child = startImport(register, v);
            boolean exited = child.waitFor(at, TimeUnit.MILLISECONDS);
            if (!exited) {
                child.destroyForcibly();
                child.waitFor();
            }
            Outcome o = check(v);
            boolean good = o.opened() && o.auditIntact() && o.allOrNothing(whole.contacts(), whole.encounters());
            if (!good) {
                failures++;
                Path keep = work.resolve("failed-" + k);
                deleteTree(keep);
                copyTree(v, keep);
            }
            if (o.encounters() == 0) {
                none++;
            } else if (o.encounters() == whole.encounters()) {
                all++;
            }
            worstOpen = Math.max(worstOpen, o.openSeconds());
            log(lines, String.format(Locale.ROOT, "kill %3d at %5d ms%s: %s, opened %.2f s, audit %s, contacts %d, encounters %d%s",
                    k, at, exited ? " (already done)" : "", good ? "ok" : "FAILED", o.openSeconds(),
                    o.auditIntact() ? "intact" : "BROKEN", o.contacts(), o.encounters(),
                    o.detail() == null ? "" : " (" + o.detail() + ")"));
        }
        log(lines, String.format(Locale.ROOT, "%d kills: %d failed; %d left nothing, %d the whole import; slowest open %.2f s",
                kills, failures, none, all, worstOpen));
        Files.write(work.resolve("crash-results.txt"), lines, StandardCharsets.UTF_8);
        return failures;
    }

    /**
     * The exhaustive companion of {@link #run}: the import (in a child JVM through {@link CrashAtWrite}) is stopped
     * right after each of its writes to the database file in turn, first to last. Whatever the moment of a
     * {@code kill -9}, the file is left as it was after one of these writes (the kernel keeps what was written;
     * nothing is written after the kill), so this covers every state a kill can leave.
     */
    static int sweep(Path work, int rows) throws Exception {
        Files.createDirectories(work);
        Path register = work.resolve("register-" + rows + ".csv");
        RegisterGenerator.write(register, rows, LocalDate.now(), 1);
        Path pristine = work.resolve("pristine");
        deleteTree(pristine);
        createVault(pristine);
        List<String> lines = new ArrayList<>();
        Path full = work.resolve("full");
        deleteTree(full);
        copyTree(pristine, full);
        Process rec = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "-Doutreachdesk.logdir=" + work.resolve("logs"), CrashAtWrite.class.getName(), "record", full.toString(),
                register.toString()).redirectErrorStream(true).start();
        String out = new String(rec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        rec.waitFor();
        String[] f = out.lines().filter(l -> l.startsWith("COMMIT_WRITES")).findFirst().orElseThrow().split(" ");
        int total = Integer.parseInt(f[3]);
        Outcome whole = check(full);
        log(lines, String.format(Locale.ROOT, "sweep: rows %d; the import makes %s writes (%s inside H2's commit); whole: "
                + "%d contacts, %d encounters", rows, f[3], f[1], whole.contacts(), whole.encounters()));
        int failures = 0;
        for (int k = 1; k <= total; k++) {
            Path v = work.resolve("kill");
            deleteTree(v);
            copyTree(pristine, v);
            Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    "-Doutreachdesk.logdir=" + work.resolve("logs"), CrashAtWrite.class.getName(), "crash-any", v.toString(),
                    register.toString(), Integer.toString(k))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int rc = child.waitFor();
            Outcome o = check(v);
            boolean good = o.opened() && o.auditIntact() && o.allOrNothing(whole.contacts(), whole.encounters());
            if (!good) {
                failures++;
            }
            log(lines, String.format(Locale.ROOT, "halt after write %2d%s: %s, opened %.2f s, audit %s, contacts %d, encounters %d",
                    k, rc == 137 ? "" : " (not reached)", good ? "ok" : "FAILED", o.openSeconds(),
                    o.auditIntact() ? "intact" : "BROKEN", o.contacts(), o.encounters()));
        }
        log(lines, String.format(Locale.ROOT, "sweep: %d crash points, %d failed", total, failures));
        Files.write(work.resolve("sweep-results.txt"), lines, StandardCharsets.UTF_8);
        return failures;
    }

    private static void log(List<String> lines, String line) {
        System.out.println(line);
        System.out.flush();
        lines.add(line);
    }

    static void createVault(Path dir) {
        VaultService vaults = new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF);
        vaults.create(dir, "Crash test", USER, PASSWORD.toCharArray()).workspace().close();
    }

    static Process startImport(Path register, Path vault) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Doutreachdesk.logdir=" + vault.resolveSibling(vault.getFileName() + "-logs"),
                "org.outreachdesk.Main", "import", register.toString(), "--vault", vault.toString(), "--user", USER)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OUTREACH_DESK_PASSWORD", PASSWORD);
        return pb.start();
    }

    /** Opens the vault in a child JVM with a deadline and reads what it holds. */
    static Outcome check(Path vault) throws IOException, InterruptedException {
        return check(vault, OPEN_DEADLINE_SECONDS);
    }

    /** Opens the vault in a child JVM, killed after {@code deadlineSeconds}, and reads what it holds. */
    static Outcome check(Path vault, long deadlineSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "-Doutreachdesk.logdir=" + vault.resolveSibling(vault.getFileName() + "-logs"),
                Check.class.getName(), vault.toString())
                .redirectErrorStream(true)
                .start();
        long t0 = System.nanoTime();
        byte[] out;
        Thread drain;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(buf);
            } catch (IOException e) {
                // the child was killed
            }
        });
        drain.start();
        boolean done = p.waitFor(deadlineSeconds, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!done) {
            p.destroyForcibly();
            p.waitFor();
            drain.join(5_000);
            return new Outcome(false, seconds, false, -1, -1, "did not open within " + deadlineSeconds + " s");
        }
        drain.join(5_000);
        out = buf.toByteArray();
        String text = new String(out, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.substring(7).trim().split(" ");
                double open = Double.parseDouble(f[0]);
                return new Outcome(true, open, Boolean.parseBoolean(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        f.length > 4 ? String.join(" ", java.util.Arrays.copyOfRange(f, 4, f.length)) : null);
            }
        }
        String last = text.lines().filter(l -> l.contains("Exception")).findFirst().orElse("exit " + p.exitValue());
        return new Outcome(false, seconds, false, -1, -1, "did not open: " + last);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Child JVM: unlock (which writes a LOGIN entry), check the audit chain, count contacts and encounters. */
    public static final class Check {
        public static void main(String[] args) {
            long t0 = System.nanoTime();
            try (Vault v = Vault.unlock(Path.of(args[0]), USER, PASSWORD.toCharArray(), Clock.systemDefaultZone(),
                    TestVaults.FAST_KDF)) {
                double open = (System.nanoTime() - t0) / 1e9;
                AuditVerification audit = v.database().read(tx -> v.audit().verify(tx));
                long contacts = v.database().read(tx -> tx.contacts().count());
                long encounters = v.database().read(tx -> tx.encounters().count());
                System.out.println(String.format(Locale.ROOT, "RESULT %.3f %s %d %d%s", open, audit.intact(), contacts,
                        encounters, audit.intact() ? "" : " " + audit.problem()));
            }
            System.exit(0);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

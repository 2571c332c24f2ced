package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.Database;
import org.outreachdesk.vault.TestVaults;

/**
 * A stolen laptop shows nothing: a sentinel stored in every kind of sensitive field (contact, encounter,
 * referral and incident notes, a UIC, a user's password, the recovery key) is found by no byte search of the
 * vault folder, the temp folder of the JVM that did the work, the log folders, or a backup and its restored
 * copy — while the same search finds it in an unencrypted control database, so the test can fail.
 */
class NothingReadableAtRestTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void noSentinelIsReadableAnywhereTheProgramWrites() throws Exception {
        // unique per run, so files of other runs (or other programs) never match by accident
        String sentinel = "ZQX" + HexFormat.of().withUpperCase().formatHex(RANDOM.generateSeed(6)) + "SENTINEL";
        Uic uic = Uic.build("Zq" + "uilla", "X" + (char) ('a' + RANDOM.nextInt(26)) + "vier", Uic.SexAtBirth.FEMALE,
                1 + RANDOM.nextInt(28), 3, 1998);
        assertThat(uic.value()).startsWith("ZQX");
        String userPassword = "pass " + sentinel + " word";
        Path jvmTemp = Files.createDirectories(dir.resolve("jvm-tmp"));
        Path logs = dir.resolve("logs");

        // the work runs in a JVM of its own, whose temp and log folders are ours alone to search
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + jvmTemp, "-Doutreachdesk.logdir=" + logs,
                "-cp", System.getProperty("java.class.path"), Scenario.class.getName(),
                dir.toString(), sentinel, uic.value(), userPassword)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        String recoveryKey = output.lines().filter(l -> l.startsWith("RECOVERY ")).map(l -> l.substring(9))
                .findFirst().orElseThrow(() -> new AssertionError(output));

        // the control: the same content in an unencrypted database, where the search must find it
        Path controlDir = dir.resolve("control-plain");
        try (Database plain = Database.openPlain(controlDir)) {
            plain.write(tx -> {
                SampleRecords.plainCopy(tx, uic, sentinel, userPassword, recoveryKey);
                return null;
            });
            plain.checkpoint();
        }

        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.put("sentinel (UTF-8)", sentinel.getBytes(StandardCharsets.UTF_8));
        needles.put("sentinel (UTF-16LE)", sentinel.getBytes(StandardCharsets.UTF_16LE));
        needles.put("sentinel (UTF-16BE)", sentinel.getBytes(StandardCharsets.UTF_16BE));
        needles.put("UIC", uic.value().getBytes(StandardCharsets.US_ASCII));
        needles.put("password", userPassword.getBytes(StandardCharsets.UTF_8));
        needles.put("recovery key", recoveryKey.getBytes(StandardCharsets.US_ASCII));
        needles.put("recovery key without dashes", recoveryKey.replace("-", "").getBytes(StandardCharsets.US_ASCII));

        List<Path> control = files(controlDir);
        for (var n : List.of("sentinel (UTF-8)", "UIC", "password", "recovery key")) {
            assertThat(hits(control, Map.of(n, needles.get(n)))).as("the control database shows the %s", n).isNotEmpty();
        }

        Path backup = dir.resolve("backups").resolve("vault" + BackupService.FILE_EXTENSION);
        List<Path> searched = new ArrayList<>();
        searched.addAll(files(dir.resolve("vault")));
        searched.addAll(files(dir.resolve("restored")));
        searched.addAll(files(backup.getParent()));
        searched.addAll(files(jvmTemp));
        searched.addAll(files(logs));
        searched.addAll(files(Path.of(System.getProperty("outreachdesk.logdir", "target/test-logs"))));
        assertThat(searched).contains(backup, dir.resolve("vault").resolve(Database.FILE_NAME),
                dir.resolve("restored").resolve(Database.FILE_NAME), logs.resolve("tests.log"));
        assertThat(hits(searched, needles)).as("files showing a sentinel").isEmpty();
    }

    /**
     * Child JVM: creates a vault, stores the sentinel in every sensitive field, reads it back, backs up,
     * unlocks as the user whose password holds the sentinel, restores with the recovery key, and locks.
     */
    public static final class Scenario {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            String sentinel = args[1];
            Uic uic = Uic.parse(args[2]);
            String userPassword = args[3];
            Path vaultDir = dir.resolve("vault");
            Path backup = Files.createDirectories(dir.resolve("backups")).resolve("vault" + BackupService.FILE_EXTENSION);
            Path restoredDir = dir.resolve("restored");

            VaultService.Created created = TestWorkspaces.vaults().create(vaultDir, "Org", "admin",
                    TestWorkspaces.PASSWORD.toCharArray());
            String recoveryKey = new String(created.recoveryKey());
            try (Workspace ws = created.workspace()) {
                new UserService(ws).add("sokha", Role.OUTREACH_WORKER, userPassword.toCharArray());
                SampleRecords s = new SampleRecords(ws);
                Contact c = s.contact(uic, "contact " + sentinel);
                Encounter e = s.encounter(c, LocalDate.of(2026, 10, 2), "encounter " + sentinel);
                Referral r = s.referral(c, e, "referral " + sentinel);
                s.incident(c, r, "support " + sentinel);
                // read back, so reads (and any caching or spilling they do) are part of what is searched
                check(ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(uic)).orElseThrow().note(),
                        "contact " + sentinel);
                new BackupService(ws).backup(backup);
            }
            try (Workspace sokha = TestWorkspaces.vaults().unlock(vaultDir, "sokha", userPassword.toCharArray())) {
                check(sokha.read(Permission.RECORDS, tx -> tx.encounters().forContact(
                        tx.contacts().findByUic(uic).orElseThrow().id())).get(0).note(), "encounter " + sentinel);
            }
            BackupService.restore(backup, restoredDir, "recovery", recoveryKey.toCharArray(), false, TestVaults.CLOCK);
            try (Workspace ws = TestWorkspaces.vaults().unlock(restoredDir, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
                check(ws.read(Permission.RECORDS, tx -> tx.incidents().between(LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31))).get(0).supportNote(), "support " + sentinel);
            }
            System.out.println("RECOVERY " + recoveryKey);
        }

        private static void check(String actual, String expected) {
            if (!expected.equals(actual)) {
                throw new AssertionError("a record did not read back as written");
            }
        }
    }

    /** Every regular file under {@code root}. */
    private static List<Path> files(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    out.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static List<String> hits(List<Path> files, Map<String, byte[]> needles) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            byte[] hay;
            try {
                hay = Files.readAllBytes(f);
            } catch (IOException e) {
                continue;
            }
            needles.forEach((name, needle) -> {
                if (indexOf(hay, needle) >= 0) {
                    out.add(name + " in " + f);
                }
            });
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

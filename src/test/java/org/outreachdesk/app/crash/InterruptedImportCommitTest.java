package org.outreachdesk.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.importer.RegisterGenerator;

/**
 * Issue 17, item 1, deterministic: a register import stopped dead ({@code Runtime.halt}, as {@code kill -9})
 * right after the store wrote a chunk while H2 was applying the import's commit. Before the fix such a vault
 * never opened again (the unlock's LOGIN entry spun for ever in {@code TransactionMap.set}) and held half of
 * the import. Now it opens, its audit chain is intact, and it holds the whole import: the commit point was
 * passed, so all of it. Real encrypted H2 files, the real import, separate JVMs.
 */
class InterruptedImportCommitTest {

    /** Rows enough for H2 to write chunks during the commit (2,000 rows are committed without one). */
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;

    @Test
    void anImportKilledWhileItsCommitIsAppliedOpensWithAllOfIt() throws Exception {
        Path register = RegisterGenerator.write(dir.resolve("register.csv"), ROWS, LocalDate.now(), 3);
        long people = distinctUics(register);
        Path pristine = dir.resolve("pristine");
        ImportCrashHarness.createVault(pristine);

        for (int write : new int[] {1, 2}) {
            Path vault = dir.resolve("vault-" + write);
            ImportCrashHarness.copyTree(pristine, vault);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Doutreachdesk.logdir=" + dir.resolve("logs"),
                    CrashAtWrite.class.getName(), "crash", vault.toString(), register.toString(), Integer.toString(write))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as("the import was stopped at write %d inside its commit", write).isEqualTo(137);

            ImportCrashHarness.Outcome after = ImportCrashHarness.check(vault, 120);
            assertThat(after.opened()).as("the vault opens after a crash at commit write %d: %s", write, after.detail())
                    .isTrue();
            assertThat(after.auditIntact()).as("audit chain").isTrue();
            assertThat(after.encounters()).as("encounters: one per register row").isEqualTo(ROWS);
            assertThat(after.contacts()).as("contacts: one per UIC of the register").isEqualTo(people);
        }
    }

    /** The register's distinct UICs (second column), read straight from the file. */
    private static long distinctUics(Path register) throws Exception {
        List<String> lines = Files.readAllLines(register, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("uic");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[1]).distinct().count();
    }
}

package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.VaultOpenTimeoutException;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Failures;
import org.outreachdesk.vault.TestVaults;

/**
 * Issue 17, item 1: a vault whose opening never returns (as a crash mid-commit used to leave them) gives, after
 * the deadline, a message that says so and how to restore — exit code 2 on the command line, the same text on
 * the unlock screen in English and Khmer — instead of a frozen command or window.
 */
class VaultOpenWatchdogTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    /** Released when the test ends, so the stuck open threads finish. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger opensStarted = new AtomicInteger();

    @AfterEach
    void releaseStuckOpens() {
        release.countDown();
    }

    private VaultService hanging() {
        return new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF, DEADLINE, (d, user, pw, clock, kdf) -> {
            opensStarted.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("released at the end of the test");
        });
    }

    @Test
    void theCommandLineGivesUpAfterTheDeadlineWithExitCode2AndSaysHowToRestore() {
        Map<String, String> env = new HashMap<>();
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        Path vault = dir.resolve("vault");
        StringWriter err = new StringWriter();
        CliContext real = new CliContext(env, TestVaults.CLOCK, new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF), null);
        assertThat(Cli.commandLine(real, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("init", "--vault", vault.toString(), "--org", "Org", "--admin", "admin")).isEqualTo(ExitCode.OK);

        CliContext stuck = new CliContext(env, TestVaults.CLOCK, hanging(), null);
        long t0 = System.nanoTime();
        int code = Cli.commandLine(stuck, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("audit", "verify", "--vault", vault.toString(), "--user", "admin");
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(opensStarted.get()).isEqualTo(1);
        assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(seconds).isBetween(2.0, 30.0);
        assertThat(err.toString()).contains("did not open within 2 seconds").contains("restore --from");
    }

    @Test
    void theUnlockScreenSaysTheVaultDidNotOpenAndHowToRestoreInEnglishAndKhmer() {
        VaultService vaults = hanging();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> vaults.unlock(dir.resolve("any"), "admin", "admin password 1".toCharArray()));
        assertThat(failure).isInstanceOf(VaultOpenTimeoutException.class);
        assertThat(((AppException) failure).key()).isEqualTo("vault.openTimedOut");

        String en = Failures.describe(failure, new Messages(Locale.ENGLISH));
        String km = Failures.describe(failure, new Messages(Locale.forLanguageTag("km")));
        assertThat(en).contains("did not open within 2 seconds").contains("Restore from a backup…");
        assertThat(km).contains("2 វិនាទី").contains("ស្ដារពីឯកសារបម្រុងទុក…").doesNotContain("did not open");
    }

    @Test
    void anOpenThatFailsQuicklyIsReportedAsItself() {
        VaultService vaults = new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF, DEADLINE,
                (d, user, pw, clock, kdf) -> {
                    throw new org.outreachdesk.vault.WrongPasswordException();
                });
        assertThatThrownBy(() -> vaults.unlock(dir, "admin", "x".toCharArray()))
                .isInstanceOf(org.outreachdesk.app.WrongPasswordException.class);
    }
}

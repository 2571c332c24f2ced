package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.app.VaultBusyException;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.WrongPasswordException;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

class UnlockViewModelTest {

    private final Messages messages = new Messages(Locale.ENGLISH);
    private final MutableClock clock = new MutableClock();
    private final UnlockThrottle throttle = new UnlockThrottle();
    private final List<Workspace> unlocked = new ArrayList<>();
    private final List<char[]> passwordsSeen = new ArrayList<>();

    @TempDir
    Path dir;

    private UnlockViewModel model(UnlockViewModel.Unlocker unlocker) {
        return new UnlockViewModel((u, p) -> {
            passwordsSeen.add(p);
            return unlocker.unlock(u, p);
        }, new ImmediateTaskExecutor(), messages, throttle, clock, unlocked::add);
    }

    @Test
    void aWrongPasswordSaysSoPlainlyAndTheArrayIsWiped() {
        UnlockViewModel vm = model((u, p) -> {
            throw new WrongPasswordException();
        });
        vm.userNameProperty().set("admin");
        assertThat(vm.submit("not it at all".toCharArray())).isTrue();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong user name or password.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(unlocked).isEmpty();
        assertThat(passwordsSeen.get(0)).containsOnly('\0');
    }

    @Test
    void anotherProgramHoldingTheVaultIsNamed() {
        UnlockViewModel vm = model((u, p) -> {
            throw new VaultBusyException();
        });
        vm.userNameProperty().set("admin");
        vm.submit("correct horse battery".toCharArray());
        assertThat(vm.errorProperty().get()).startsWith("Vault already open in another program");
        assertThat(throttle.failures()).as("not a wrong password").isZero();
    }

    @Test
    void emptyFieldsAreNotTried() {
        UnlockViewModel vm = model((u, p) -> {
            throw new AssertionError("must not be called");
        });
        assertThat(vm.submit("something".toCharArray())).isFalse();
        vm.userNameProperty().set("admin");
        assertThat(vm.submit(new char[0])).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter your user name and your password.");
    }

    @Test
    void afterThreeFailuresTheNextAttemptWaitsAndTheScreenCountsDown() {
        UnlockViewModel vm = model((u, p) -> {
            throw new WrongPasswordException();
        });
        vm.userNameProperty().set("admin");
        for (int i = 0; i < 3; i++) {
            assertThat(vm.submit("wrong password".toCharArray())).isTrue();
            assertThat(vm.waitSecondsProperty().get()).isZero();
        }
        assertThat(vm.submit("wrong password".toCharArray())).isTrue();
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(2);
        assertThat(vm.waitTextProperty().get()).isEqualTo("Too many wrong attempts: wait 2 s before trying again.");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.submit("wrong password".toCharArray())).as("refused while waiting").isFalse();
        assertThat(throttle.failures()).isEqualTo(4);

        clock.advance(Duration.ofMillis(1200));
        vm.tick();
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(1);
        clock.advance(Duration.ofMillis(800));
        vm.tick();
        assertThat(vm.waitSecondsProperty().get()).isZero();
        assertThat(vm.waitTextProperty().get()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isTrue();
    }

    @Test
    void theRightPasswordOpensTheVaultAndResetsTheThrottle() {
        TestWorkspaces.admin(dir).close();
        for (int i = 0; i < 3; i++) {
            throttle.failed(clock.instant());
        }
        UnlockViewModel vm = model((u, p) -> TestWorkspaces.vaults().unlock(dir, u, p));
        vm.userNameProperty().set(" admin ");
        assertThat(vm.submit(TestWorkspaces.PASSWORD.toCharArray())).isTrue();
        assertThat(unlocked).hasSize(1);
        assertThat(unlocked.get(0).user().name()).isEqualTo("admin");
        assertThat(throttle.failures()).isZero();
        assertThat(passwordsSeen.get(0)).containsOnly('\0');
        unlocked.get(0).close();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-10-20T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

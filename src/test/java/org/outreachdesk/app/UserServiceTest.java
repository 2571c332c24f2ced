package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.domain.Role;

class UserServiceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnAdminManagesUsers(Role role) {
        try (Workspace ws = TestWorkspaces.as(role, dir)) {
            UserService users = new UserService(ws);
            assertThatThrownBy(() -> users.add("someone", Role.MANAGER, "long enough pwd".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(users::list).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.disable("admin")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.resetPassword("admin", "long enough pwd".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
            // but everyone changes their own password
            users.changeOwnPassword("my own new password".toCharArray());
        }
        TestWorkspaces.vaults().unlock(dir, role.code(), "my own new password".toCharArray()).close();
    }

    @Test
    void anAdminAddsListsDisablesAndResets() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            UserService users = new UserService(ws);
            users.add("sokha", Role.OUTREACH_WORKER, "sokha password".toCharArray());
            users.add("dara", Role.MANAGER, "dara password!".toCharArray());
            assertThat(users.list()).extracting(u -> u.name() + ":" + u.role() + ":" + u.active())
                    .containsExactly("admin:ADMIN:true", "dara:MANAGER:true", "sokha:OUTREACH_WORKER:true");
            long slots = slotFiles();
            users.disable("dara");
            assertThat(slotFiles()).isEqualTo(slots - 1);
            users.resetPassword("sokha", "reset by admin".toCharArray());
            assertThatThrownBy(() -> users.add("sokha", Role.MANAGER, "another password".toCharArray()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        }
        assertThatThrownBy(() -> TestWorkspaces.vaults().unlock(dir, "dara", "dara password!".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        TestWorkspaces.vaults().unlock(dir, "sokha", "reset by admin".toCharArray()).close();
    }

    @Test
    void guessablePasswordsAreRefusedWithTheirReasonKeyed() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            UserService users = new UserService(ws);
            assertThatThrownBy(() -> users.add("sokha", Role.OUTREACH_WORKER, "password12".toCharArray()))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.key()).isEqualTo("password.common"));
            assertThatThrownBy(() -> users.changeOwnPassword("ababababab".toCharArray()))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.key()).isEqualTo("password.repeats"));
            assertThat(users.list()).hasSize(1);
        }
    }

    private long slotFiles() {
        try (var files = java.nio.file.Files.list(dir.resolve("keys"))) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

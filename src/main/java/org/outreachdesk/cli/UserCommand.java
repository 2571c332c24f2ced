package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code user add|list|disable|passwd}: accounts. */
@Command(name = "user", description = "Manage user accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
            UserCommand.Passwd.class})
final class UserCommand {

    @ParentCommand
    RootCommand root;

    @Command(name = "add", description = {"Add a user (admin). The new password comes from OUTREACH_DESK_NEW_PASSWORD,",
        "else --new-password-file, else the console."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, manager, coordinator or outreach-worker")
        String role;
        @Option(names = "--new-password-file", paramLabel = "FILE")
        Path newPasswordFile;

        @Override
        public Integer call() {
            CliContext ctx = parent.root.context();
            Role r = Coded.parse(Role.class, role).orElseThrow(() -> new InvalidArgumentException(
                    "unknown role '" + role + "': expected one of " + Coded.codes(Role.class)));
            try (Workspace ws = vault.unlock(ctx)) {
                char[] pwd = ctx.newPassword(newPasswordFile, "New password for " + name);
                try {
                    new UserService(ws).add(name, r, pwd);
                } finally {
                    Arrays.fill(pwd, '\0');
                }
            }
            CliContext.tell(parent.root.err(), "user " + name + " added as " + r.code());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List users, their roles and whether they are active (admin).")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        VaultOptions vault;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Workspace ws = vault.unlock(parent.root.context())) {
                var out = spec.commandLine().getOut();
                for (AppUser u : new UserService(ws).list()) {
                    out.printf("%-24s %-16s %s%n", u.name(), u.role().code(), u.active() ? "active" : "disabled");
                }
                out.flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Disable a user and remove their key slot (admin).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Workspace ws = vault.unlock(parent.root.context())) {
                new UserService(ws).disable(name);
            }
            CliContext.tell(parent.root.err(), "user " + name + " disabled");
            return ExitCode.OK;
        }
    }

    @Command(name = "passwd", description = {"Change your own password, or (admin) another user's with --name.",
        "The new password comes from OUTREACH_DESK_NEW_PASSWORD, else --new-password-file, else the console."})
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--name", paramLabel = "NAME", description = "Whose password (default: your own).")
        String name;
        @Option(names = "--new-password-file", paramLabel = "FILE")
        Path newPasswordFile;

        @Override
        public Integer call() {
            CliContext ctx = parent.root.context();
            try (Workspace ws = vault.unlock(ctx)) {
                String who = name != null ? name : ws.user().name();
                char[] pwd = ctx.newPassword(newPasswordFile, "New password for " + who);
                try {
                    if (name == null) {
                        new UserService(ws).changeOwnPassword(pwd);
                    } else {
                        new UserService(ws).resetPassword(name, pwd);
                    }
                } finally {
                    Arrays.fill(pwd, '\0');
                }
                CliContext.tell(parent.root.err(), "password changed for " + who);
            }
            return ExitCode.OK;
        }
    }
}

package org.outreachdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code team create|invite|join|list|revoke}: this vault's team of laptops (issue 15). */
@Command(name = "team", description = "The team of laptops this vault syncs with (a hub and its members).",
        subcommands = {TeamCommand.Create.class, TeamCommand.Invite.class, TeamCommand.Join.class,
            TeamCommand.ListDevices.class, TeamCommand.Revoke.class})
final class TeamCommand {

    @ParentCommand
    RootCommand root;

    @Command(name = "create", description = "Make this vault the hub of a new team (admin).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The team's name.")
        String name;

        @Override
        public Integer call() {
            Team t;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                t = new TeamService(ws).create(name);
            }
            CliContext.tell(parent.root.err(), "team " + t.name() + " created; this vault is its hub (team id "
                    + t.id() + ")");
            return ExitCode.OK;
        }
    }

    @Command(name = "invite", description = {"On the hub: write a join file for one new member laptop (admin).",
        "Its one-time join code is printed once, alone on the last line of standard output."})
    static final class Invite implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--device", required = true, paramLabel = "NAME", description = "The new laptop's name.")
        String device;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The join file to write.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TeamService.Invitation inv;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                inv = new TeamService(ws).invite(device, out);
            }
            try {
                PrintWriter o = spec.commandLine().getOut();
                o.println("Join file for " + inv.device().name() + " written to " + inv.file().toAbsolutePath());
                o.println("On that laptop: team join FILE, with this join code (shown only this once):");
                o.println(new String(inv.code()));
                o.flush();
            } finally {
                Arrays.fill(inv.code(), '\0');
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "join", description = {"On a member laptop: join the team of a join file (admin).",
        "The join code comes from OUTREACH_DESK_JOIN_CODE, else the console."})
    static final class Join implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;
        @Mixin
        VaultOptions vault;
        @Parameters(index = "0", paramLabel = "FILE", description = "The join file written on the hub.")
        Path file;

        @Override
        public Integer call() {
            CliContext ctx = parent.root.context();
            Team t;
            try (Workspace ws = vault.unlock(ctx)) {
                char[] code = ctx.joinCode();
                try {
                    t = new TeamService(ws).join(file, code);
                } finally {
                    Arrays.fill(code, '\0');
                }
            }
            CliContext.tell(parent.root.err(), "joined team " + t.name() + " as a member");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "The team's laptops, and when each last sent and received a bundle.")
    static final class ListDevices implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;
        @Mixin
        VaultOptions vault;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<Team> team;
            List<TeamDevice> devices;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                TeamService service = new TeamService(ws);
                team = service.team();
                devices = service.devices();
            }
            PrintWriter o = spec.commandLine().getOut();
            if (team.isEmpty()) {
                CliContext.tell(parent.root.err(), "this vault is not in a team");
                return ExitCode.OK;
            }
            o.println("team " + team.get().name() + " (" + (team.get().hub() ? "this laptop is the hub" : "member")
                    + ")");
            o.printf("%-24s %-7s %-8s %-20s %-20s%n", "laptop", "role", "state", "last sent to", "last received from");
            for (TeamDevice d : devices) {
                boolean self = d.id().equals(team.get().selfDevice());
                o.printf("%-24s %-7s %-8s %-20s %-20s%n", d.name() + (self ? " (this)" : ""), d.hub() ? "hub" : "member",
                        d.revoked() ? "revoked" : "active", at(d.lastSentAt()), at(d.lastReceivedAt()));
            }
            o.flush();
            return ExitCode.OK;
        }

        private static String at(Instant t) {
            return t == null ? "never" : t.toString().replaceFirst("\\.\\d+Z$", "Z");
        }
    }

    @Command(name = "revoke", description = "On the hub: refuse a lost laptop's bundles from now on (admin).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--device", required = true, paramLabel = "NAME", description = "The laptop's name.")
        String device;

        @Override
        public Integer call() {
            TeamDevice d;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                d = new TeamService(ws).revoke(device);
            }
            CliContext.tell(parent.root.err(), "laptop " + d.name() + " revoked: its bundles are refused from now on");
            return ExitCode.OK;
        }
    }
}

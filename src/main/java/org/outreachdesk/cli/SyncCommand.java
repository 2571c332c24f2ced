package org.outreachdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.outreachdesk.app.ChangeFeed;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sync export|import|conflicts}: bundles between the team's laptops (issue 15). */
@Command(name = "sync", description = "Exchange sync bundles with the team's other laptops.",
        subcommands = {SyncCommand.Export.class, SyncCommand.Import.class, SyncCommand.Conflicts.class})
final class SyncCommand {

    @ParentCommand
    RootCommand root;

    @Command(name = "export", description = {"Write a bundle: on a member, for the hub; on the hub, for the member "
        + "named by --to.", "It holds every change the receiver has not confirmed."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        SyncCommand parent;
        @Mixin
        VaultOptions vault;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle file to write.")
        Path out;
        @Option(names = "--to", paramLabel = "DEVICE", description = "On the hub: the member laptop it is for.")
        String to;

        @Override
        public Integer call() {
            SyncService.Exported e;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                e = new SyncService(ws, ChangeFeeds.of(ws)).export(out, to);
            }
            CliContext.tell(parent.root.err(), "bundle " + e.number() + " for " + e.receiver() + " written to "
                    + e.file() + " (" + e.bytes() + " bytes)");
            return ExitCode.OK;
        }
    }

    @Command(name = "import", description = {"Read a bundle; print how many changes were applied, already present "
        + "and in conflict.", "A refused bundle (exit code 2) changes nothing."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SyncCommand parent;
        @Mixin
        VaultOptions vault;
        @Parameters(index = "0", paramLabel = "FILE", description = "The bundle file.")
        Path file;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SyncService.Imported i;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                i = new SyncService(ws, ChangeFeeds.of(ws)).importBundle(file);
            }
            PrintWriter o = spec.commandLine().getOut();
            ChangeFeed.Applied c = i.counts();
            o.println("bundle " + i.number() + " from " + i.sender() + ": " + c.applied() + " applied, "
                    + c.alreadyPresent() + " already present, " + c.inConflict() + " in conflict");
            if (c.waiting() > 0) {
                o.println(c.waiting() + " waiting: they follow changes this laptop lacks (an older bundle not read"
                        + " yet); they come again in the next bundle");
            }
            if (c.merged() > 0) {
                o.println(c.merged() + " merged: contacts with the same UIC on two laptops, merged into one");
            }
            o.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "conflicts", description = "List unresolved conflicts: record type, field and the two values' "
        + "laptops, no record content (coordinators and above).")
    static final class Conflicts implements Callable<Integer> {
        @ParentCommand
        SyncCommand parent;
        @Mixin
        VaultOptions vault;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ChangeFeed.Conflict> list;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                list = new SyncService(ws, ChangeFeeds.of(ws)).conflicts();
            }
            PrintWriter o = spec.commandLine().getOut();
            for (ChangeFeed.Conflict c : list) {
                o.println(c.recordType() + " " + c.recordId() + " " + c.field() + ": " + c.firstDevice() + " / "
                        + c.secondDevice());
            }
            o.flush();
            CliContext.tell(parent.root.err(), list.size() + " unresolved conflict(s)");
            return ExitCode.OK;
        }
    }
}

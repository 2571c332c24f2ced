package org.outreachdesk.cli;

import java.util.concurrent.Callable;

import org.outreachdesk.app.AuditService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditVerification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code audit verify}: checks the audit chain. */
@Command(name = "audit", description = "The audit trail.", subcommands = {AuditCommand.Verify.class, AuditCommand.AcceptOlder.class})
final class AuditCommand {

    @ParentCommand
    RootCommand root;

    @Command(name = "verify", description = {"Check the audit chain (admin).",
        "Exit code 0 when intact, 2 when an entry was edited, removed or reordered."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            AuditVerification v;
            try (Workspace ws = vault.unlock(parent.root.context())) {
                v = new AuditService(ws).verify();
            }
            if (v.intact()) {
                CliContext.tell(parent.root.err(), "audit chain intact: " + v.entriesChecked() + " entries");
                return ExitCode.OK;
            }
            CliContext.tell(parent.root.err(), "audit chain BROKEN at entry " + v.brokenAtSeq() + ": " + v.problem());
            return ExitCode.INVALID_INPUT;
        }
    }

    @Command(name = "accept-older", description = {
        "Accept the database as it is after unlock said it is older than its last recorded state (admin).",
        "Only when no newer backup exists: work saved after that state is lost. The acceptance is audited."})
    static final class AcceptOlder implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            AuditVerification v;
            try (Workspace ws = vault.unlock(parent.root.context(), true)) {
                v = new AuditService(ws).verify();
            }
            CliContext.tell(parent.root.err(), "the database is accepted as it is; audit chain "
                    + (v.intact() ? "intact: " + v.entriesChecked() + " entries" : "BROKEN at entry " + v.brokenAtSeq()
                    + ": " + v.problem()));
            return v.intact() ? ExitCode.OK : ExitCode.INVALID_INPUT;
        }
    }
}

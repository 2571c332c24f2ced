package org.outreachdesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: a vault full of believable synthetic data. */
@Command(name = "demo", description = {"Create a demo vault with synthetic data, or fill an existing vault (admin).",
    "A new demo vault's admin is --user (default 'admin') with the password from OUTREACH_DESK_PASSWORD,",
    "else --password-file, else the console. The same seed gives the same data."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vault;

    @Option(names = "--contacts", defaultValue = "2000", paramLabel = "N", description = "Contacts (default ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--months", defaultValue = "24", paramLabel = "M", description = "Months up to today (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        CliContext ctx = root.context();
        DemoSpec demo;
        try {
            demo = DemoSpec.of(contacts, months, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
        Path dir = vault.folder(ctx);
        Workspace ws;
        if (ctx.vaults().exists(dir)) {
            ws = vault.unlock(ctx);
        } else {
            String admin = vault.user != null ? vault.user : "admin";
            char[] password = ctx.password(vault.passwordFile, "New password for " + admin);
            VaultService.Created created;
            try {
                created = ctx.vaults().create(dir, "Demo Outreach (synthetic data)", admin, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            ws = created.workspace();
            var out = spec.commandLine().getOut();
            out.println("Demo vault created in " + dir.toAbsolutePath() + " (admin: " + admin + ")");
            out.println("Recovery key (shown only this once): " + new String(created.recoveryKey()));
            out.flush();
            Arrays.fill(created.recoveryKey(), '\0');
        }
        try (ws) {
            DemoGenerator.Summary s = new DemoGenerator(ws, demo).generate();
            CliContext.tell(root.err(), String.format("demo data: %d sites, %d staff, %d contacts, %d encounters, "
                    + "%d referrals, %d incidents, %d safeguarding screens", s.sites(), s.staff(), s.contacts(),
                    s.encounters(), s.referrals(), s.incidents(), s.screens()));
        }
        return ExitCode.OK;
    }
}

package org.outreachdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.RegisterRejectedException;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE [--dry-run]}: brings a register (.csv or .xlsx) into the vault, all or nothing.
 * The summary goes to standard output; problems (row, column, what is wrong, what is expected — never a
 * cell's value) to standard error, with exit code 2 and nothing stored.
 */
@Command(name = "import", exitCodeOnInvalidInput = ExitCode.USAGE, description = {"Import a register of visits (.csv UTF-8 or .xlsx, first sheet) into the "
        + "vault, all or nothing (coordinator, manager, admin).",
    "Columns: date, uic, worker, site, gender, kp_type (required); birth_year or age, male_condoms, "
        + "female_condoms, lubricants, hiv_self_tests, hiv_status, referrals, notes.",
    "Importing the same file again adds nothing. Exit code 2 (nothing stored) when any row is invalid."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    VaultOptions vault;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The register: a .csv (UTF-8) or .xlsx file.")
    Path file;

    @Option(names = "--dry-run", description = "Check the register and say what importing it would do; store nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = root.err();
        ImportPlan plan;
        ProblemTexts texts;
        try (Workspace ws = vault.unlock(root.context())) {
            texts = new ProblemTexts(ws.user().language());
            ImportService imports = new ImportService(ws);
            try {
                plan = dryRun ? imports.dryRun(file) : imports.importFile(file);
            } catch (RegisterRejectedException e) {
                problems(err, e.plan(), texts);
                return ExitCode.INVALID_INPUT;
            }
        }
        if (!plan.isValid()) {
            problems(err, plan, texts);
            return ExitCode.INVALID_INPUT;
        }
        summary(out, plan);
        CliContext.tell(err, dryRun ? "dry run: nothing was stored" : "register imported");
        return ExitCode.OK;
    }

    /** Each problem on its own line (its words in the user's language), then the count. */
    private static void problems(PrintWriter err, ImportPlan plan, ProblemTexts texts) {
        for (ImportProblem p : plan.problems()) {
            CliContext.tell(err, texts.describe(p));
        }
        int unlisted = plan.problemCount() - plan.problems().size();
        if (unlisted > 0) {
            CliContext.tell(err, "… and " + unlisted + " more problems not listed");
        }
        CliContext.tell(err, plan.problemCount() + (plan.problemCount() == 1 ? " problem" : " problems")
                + " in " + plan.rowsWithProblems() + (plan.rowsWithProblems() == 1 ? " row" : " rows")
                + "; nothing was imported");
        err.flush();
    }

    private static void summary(PrintWriter out, ImportPlan plan) {
        out.printf("register:    %s (sha256 %s)%n", plan.fileName(), plan.sha256());
        out.printf("rows:        %d%s%n", plan.rows(),
                plan.blankRows() == 0 ? "" : " (" + plan.blankRows() + " blank rows skipped)");
        out.printf("contacts:    %d new, %d matched%n", plan.contactsNew(), plan.contactsMatched());
        out.printf("encounters:  %d new, %d already present%n", plan.encountersNew(), plan.encountersPresent());
        out.printf("referrals:   %d new (pending)%n", plan.referralsNew());
        out.printf("sites new:   %s%n", codes(plan.sitesNew()));
        out.printf("staff new:   %s%n", codes(plan.staffNew()));
        out.flush();
    }

    private static String codes(List<String> codes) {
        if (codes.isEmpty()) {
            return "0";
        }
        int shown = Math.min(codes.size(), 20);
        return codes.size() + " (" + String.join(", ", codes.subList(0, shown)) + (codes.size() > shown ? ", …" : "")
                + ")";
    }
}

package org.outreachdesk.app;

import java.nio.file.Path;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.importer.ImportPlanner;
import org.outreachdesk.importer.ParsedRegister;
import org.outreachdesk.importer.PlannedImport;
import org.outreachdesk.importer.RegisterFileException;
import org.outreachdesk.importer.RegisterFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Register import (coordinators, managers, admins): a team's Excel or CSV register of visits brought into
 * the vault, all or nothing (DOMAIN.md, "Register import").
 *
 * <p>{@link #dryRun} says what an import would do, or lists every problem; {@link #importFile} does it in
 * one transaction with its audit entry (file SHA-256 and counts, never content) — or, when any row is
 * invalid, stores nothing and throws {@link RegisterRejectedException}. Importing the same file again adds
 * nothing: a row whose contact, date, worker and site are already recorded is the same encounter.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Workspace ws;

    /** The register the last dry run checked, kept so that importing it right after does not read it again. */
    private Checked last;

    private record Checked(Path file, ParsedRegister register, ImportPlan plan) {
    }

    public ImportService(Workspace ws) {
        this.ws = ws;
    }

    /** Whether the signed-in user may import registers. */
    public boolean allowed() {
        return ws.can(Permission.IMPORT);
    }

    /**
     * Reads and checks a register and compares it with the vault; stores nothing.
     *
     * @return the plan: counts, sites and staff to create, a preview of the first rows, and every problem
     * @throws AccessDeniedException when the role may not import
     * @throws InvalidInputException when the file cannot be read as a register at all
     */
    public ImportPlan dryRun(Path file) {
        ws.require(Permission.IMPORT);
        last = null;
        ParsedRegister register = read(file);
        ImportPlan plan = ws.read(Permission.IMPORT, tx -> ImportPlanner.plan(register, tx, ws::newMeta).summary());
        LOG.info("register checked: {} rows, {} problems", plan.rows(), plan.problemCount());
        last = new Checked(file.toAbsolutePath(), register, plan);
        return plan;
    }

    /** The same as {@link #dryRun}: what an import of the file would do. */
    public ImportPlan preview(Path file) {
        return dryRun(file);
    }

    /**
     * Imports a register: all of it in one transaction with its audit entry, or nothing.
     *
     * @return what was imported
     * @throws RegisterRejectedException when any row is invalid (nothing stored; the exception lists them)
     * @throws AccessDeniedException     when the role may not import
     * @throws InvalidInputException     when the file cannot be read as a register at all
     */
    public ImportPlan importFile(Path file) {
        return importFile(file, null);
    }

    /**
     * Imports a register that was checked with {@link #dryRun}: refused, with nothing stored, when the file is
     * no longer the one whose summary the user accepted.
     *
     * @param checkedSha256 the SHA-256 of the file as checked ({@link ImportPlan#sha256()}), or null
     */
    public ImportPlan importFile(Path file, String checkedSha256) {
        ws.require(Permission.IMPORT);
        Checked previous = last;
        last = null;
        ParsedRegister register;
        ImportPlan checked;
        String sha = sha256(file);
        if (checkedSha256 != null && !checkedSha256.equals(sha)) {
            throw new InvalidInputException("the file changed after it was checked; nothing was imported, check it again")
                    .keyed("import.fileChanged");
        }
        if (previous != null && previous.file().equals(file.toAbsolutePath()) && previous.register().sha256().equals(sha)) {
            // the very file the last dry run read: its rows and plan are reused (the plan is made again below,
            // inside the transaction, and must still agree)
            register = previous.register();
            checked = previous.plan();
        } else {
            register = read(file);
            checked = ws.read(Permission.IMPORT, tx -> ImportPlanner.plan(register, tx, ws::newMeta).summary());
        }
        if (!checked.isValid()) {
            LOG.info("register refused: {} problems", checked.problemCount());
            throw new RegisterRejectedException(checked);
        }
        // the audit detail is fixed before the transaction; the plan is made again inside it, so what is
        // written is exactly what the detail says (the vault is open in one program only)
        ImportPlan done = ws.write(Permission.IMPORT, AuditAction.IMPORT, "register", checked.sha256(),
                checked.auditDetail(), tx -> {
                    PlannedImport planned = ImportPlanner.plan(register, tx, ws::newMeta);
                    if (!planned.summary().isValid()) {
                        throw new RegisterRejectedException(planned.summary());
                    }
                    if (!planned.summary().auditDetail().equals(checked.auditDetail())) {
                        throw new InvalidInputException("the vault changed while the register was being checked; "
                                + "nothing was imported, import it again").keyed("import.vaultChanged");
                    }
                    planned.write(tx, ws::newMeta);
                    return planned.summary();
                });
        LOG.info("register imported: {} rows, {} encounters new, {} already present", done.rows(),
                done.encountersNew(), done.encountersPresent());
        return done;
    }

    private static String sha256(Path file) {
        try {
            return RegisterFiles.sha256(file);
        } catch (RegisterFileException e) {
            throw new InvalidInputException(e.getMessage()).keyedLike(e);
        }
    }

    private ParsedRegister read(Path file) {
        try {
            return RegisterFiles.read(file, ws.today());
        } catch (RegisterFileException e) {
            // the reader's messages are written for people and never carry the file's content
            throw new InvalidInputException(e.getMessage()).keyedLike(e);
        }
    }
}

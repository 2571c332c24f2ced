package org.outreachdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.Tx;
import org.outreachdesk.vault.Vault;

/**
 * An unlocked vault as the services see it: who is signed in, their role, and transactions that carry
 * their audit entry. Services ask for a {@link Permission} on every call.
 */
public final class Workspace implements AutoCloseable {

    private final Vault vault;

    Workspace(Vault vault) {
        this.vault = vault;
    }

    public AppUser user() {
        return vault.user();
    }

    public Role role() {
        return vault.user().role();
    }

    public String organisation() {
        return vault.organisation();
    }

    /** Whether this vault holds generated demo data (the window title says so). */
    public boolean isDemo() {
        return vault.database().read(tx -> tx.settings().get(SettingKey.DEMO_DATA))
                .map(Boolean::parseBoolean).orElse(false);
    }

    public Path folder() {
        return vault.folder();
    }

    public Clock clock() {
        return vault.clock();
    }

    public LocalDate today() {
        return LocalDate.now(vault.clock());
    }

    public boolean can(Permission p) {
        return p.allows(role());
    }

    /** @throws AccessDeniedException when the signed-in role does not allow {@code p} */
    public void require(Permission p) {
        if (!can(p)) {
            throw new AccessDeniedException(p);
        }
    }

    /** Who writes records in this session, from which device. */
    public RecordMeta.Author author() {
        return vault.author();
    }

    /** Metadata for a record this user creates now. */
    public RecordMeta newMeta() {
        return RecordMeta.create(vault.author(), vault.clock().instant());
    }

    /** Metadata for a change this user makes now to a record. */
    public RecordMeta touch(RecordMeta meta) {
        return meta.touch(vault.author(), vault.clock().instant());
    }

    /** Reads, after checking {@code p}. */
    public <T> T read(Permission p, Function<Tx, T> work) {
        require(p);
        return vault.database().read(work);
    }

    /**
     * Writes in one durable transaction with its audit entry, after checking {@code p}.
     */
    public <T> T write(Permission p, AuditAction action, String recordType, String recordId, String detail,
                       Function<Tx, T> work) {
        require(p);
        return vault.writeAudited(action, recordType, recordId, detail, work);
    }

    Vault vault() {
        return vault;
    }

    public boolean isOpen() {
        return vault.isOpen();
    }

    /** Locks the vault: connections closed, keys wiped. */
    @Override
    public void close() {
        vault.close();
    }
}

package org.outreachdesk.app;

/**
 * The vault did not open within {@link VaultService#OPEN_DEADLINE}: its database is damaged in a way that makes
 * opening it hang. Nothing was changed; the way back is a backup (ADR 10). Exit code 2 on the command line.
 */
public final class VaultOpenTimeoutException extends InvalidInputException {
    public VaultOpenTimeoutException(long seconds) {
        super("the vault did not open within " + seconds + " seconds: its database is probably damaged. "
                + "Nothing was changed. Restore it from your latest backup: outreach-desk restore --from FILE --vault DIR "
                + "--user NAME --force (the damaged vault is moved aside, not deleted)");
        keyed("vault.openTimedOut", String.valueOf(seconds));
    }
}

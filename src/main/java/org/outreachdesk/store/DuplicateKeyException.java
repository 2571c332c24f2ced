package org.outreachdesk.store;

import org.jooq.exception.DataAccessException;

/**
 * A row would repeat a unique key (a UIC already taken; the same contact, date, worker and site twice). The
 * message names the kind of record only, never the values.
 */
public final class DuplicateKeyException extends StoreException {

    private static final String UNIQUE_VIOLATION = "23505";

    public DuplicateKeyException(String what) {
        super("a " + what + " with the same key is already recorded");
    }

    /** Rethrows a unique-key violation of {@code what} as this exception, anything else as it is. */
    static RuntimeException translate(DataAccessException e, String what) {
        if (UNIQUE_VIOLATION.equals(e.sqlState())) {
            return new DuplicateKeyException(what);
        }
        return e;
    }
}

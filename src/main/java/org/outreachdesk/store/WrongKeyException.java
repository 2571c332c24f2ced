package org.outreachdesk.store;

/** The key given does not open the database file. */
public final class WrongKeyException extends StoreException {
    public WrongKeyException() {
        super("the key does not open this database");
    }
}

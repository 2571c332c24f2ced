package org.outreachdesk.store;

/** A record was changed or removed by someone else between reading and writing it. */
public final class ConcurrentChangeException extends StoreException {

    private final String what;

    public ConcurrentChangeException(String what) {
        super("the " + what + " was changed elsewhere; reload it and try again");
        this.what = what;
    }

    /** The kind of record: {@code contact}, {@code site}, {@code directory entry} …. */
    public String what() {
        return what;
    }

    static void check(int updatedRows, String what) {
        if (updatedRows != 1) {
            throw new ConcurrentChangeException(what);
        }
    }
}

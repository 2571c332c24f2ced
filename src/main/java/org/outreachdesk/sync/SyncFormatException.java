package org.outreachdesk.sync;

import java.io.IOException;

/** A change stream that is not one, is damaged or cut short, or is of a newer format; nothing of it is kept. */
public final class SyncFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean newerFormat;

    public SyncFormatException(String message) {
        this(message, false);
    }

    private SyncFormatException(String message, boolean newerFormat) {
        super(message);
        this.newerFormat = newerFormat;
    }

    /** A stream written by a newer program: this one cannot read it, though nothing in it is damaged. */
    static SyncFormatException newerFormat(int format) {
        return new SyncFormatException("a change stream of a newer format (" + format + ")", true);
    }

    /** Whether the stream is of a newer format (the program must be updated) rather than damaged. */
    public boolean isNewerFormat() {
        return newerFormat;
    }
}

package org.outreachdesk.sync;

import java.io.IOException;

/** A change stream that is not one, is damaged or cut short, or is of a newer format; nothing of it is kept. */
public final class SyncFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SyncFormatException(String message) {
        super(message);
    }
}

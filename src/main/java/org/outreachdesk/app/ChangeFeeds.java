package org.outreachdesk.app;

/** The change feed of an open vault, for the command line and the desktop. */
public final class ChangeFeeds {

    private ChangeFeeds() {
    }

    /** The change log's feed for {@code ws} ({@link LogChangeFeed}). */
    public static ChangeFeed of(Workspace ws) {
        return new LogChangeFeed(ws);
    }
}

package org.outreachdesk.app;

/** The change feed of an open vault, for the command line and the desktop. */
public final class ChangeFeeds {

    private ChangeFeeds() {
    }

    /** TO BE WIRED: the change log's feed for {@code ws}; for now {@link PlaceholderChangeFeed}, which syncs nothing. */
    public static ChangeFeed of(Workspace ws) {
        return new PlaceholderChangeFeed();
    }
}

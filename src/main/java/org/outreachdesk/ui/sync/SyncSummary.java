package org.outreachdesk.ui.sync;

import org.outreachdesk.app.ChangeFeed;
import org.outreachdesk.ui.common.Messages;

/** What a bundle read did, in words: applied / already present / in conflict, and waiting / merged when not zero. */
final class SyncSummary {

    private SyncSummary() {
    }

    static String of(ChangeFeed.Applied a, Messages messages) {
        StringBuilder s = new StringBuilder(messages.get("sync.summary", a.applied(), a.alreadyPresent(),
                a.inConflict()));
        if (a.waiting() > 0) {
            s.append(' ').append(messages.get("sync.summary.waiting", a.waiting()));
        }
        if (a.merged() > 0) {
            s.append(' ').append(messages.get("sync.summary.merged", a.merged()));
        }
        return s.toString();
    }
}

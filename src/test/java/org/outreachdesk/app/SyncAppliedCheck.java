package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.outreachdesk.sync.SyncEngine;

/** Assertions on an apply's counts. */
final class SyncAppliedCheck {

    private SyncAppliedCheck() {
    }

    static SyncEngine.Applied applied(SyncEngine.Applied a) {
        assertThat(a.waiting()).as("nothing waits").isZero();
        assertThat(a.applied()).as("something applied").isPositive();
        return a;
    }
}

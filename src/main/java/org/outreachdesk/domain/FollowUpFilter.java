package org.outreachdesk.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Which pending referrals a coordinator looks at: a due window, optionally only those of one outreach
 * worker (the contact's assigned worker) and of one service type.
 */
public record FollowUpFilter(DueWindow window, UUID workerId, ServiceType service) {

    public static final FollowUpFilter ALL = new FollowUpFilter(DueWindow.ALL, null, null);

    public FollowUpFilter {
        Objects.requireNonNull(window, "window");
    }

    public FollowUpFilter withWindow(DueWindow w) {
        return new FollowUpFilter(w, workerId, service);
    }
}

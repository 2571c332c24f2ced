package org.outreachdesk.domain;

/** How many pending referrals are overdue, due today and upcoming. */
public record FollowUpCounts(long overdue, long dueToday, long upcoming) {

    public long total() {
        return overdue + dueToday + upcoming;
    }

    public long of(DueWindow w) {
        return switch (w) {
            case ALL -> total();
            case OVERDUE -> overdue;
            case DUE_TODAY -> dueToday;
            case UPCOMING -> upcoming;
        };
    }
}

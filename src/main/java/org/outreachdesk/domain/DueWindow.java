package org.outreachdesk.domain;

import java.time.LocalDate;

/**
 * Where a pending referral's follow-up stands against today: overdue (due before today), due today, or
 * upcoming (due later, or no due date set). {@link #ALL} is every pending referral.
 */
public enum DueWindow {
    ALL, OVERDUE, DUE_TODAY, UPCOMING;

    /** The window a referral due on {@code due} (may be null) falls in on {@code today}. */
    public static DueWindow of(LocalDate due, LocalDate today) {
        if (due == null || due.isAfter(today)) {
            return UPCOMING;
        }
        return due.isBefore(today) ? OVERDUE : DUE_TODAY;
    }
}

package org.outreachdesk.app;

import java.time.Duration;
import java.time.Instant;

/**
 * A growing wait after repeated wrong unlock attempts, kept in memory by the running program (a wrong
 * password never changes any file, so nothing is stored). The first few failures cost nothing; after that
 * each one doubles the wait, up to a cap. A successful unlock resets it.
 *
 * <p>With the defaults: failures 1–3 no wait, then 2 s, 4 s, 8 s, 16 s, 32 s, then 60 s for every further one.
 * This only slows someone at the keyboard; against a copied vault folder, Argon2id is the brake.
 */
public final class UnlockThrottle {

    public static final int DEFAULT_FREE_FAILURES = 3;
    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);

    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private int failures;
    private Instant blockedUntil;

    public UnlockThrottle() {
        this(DEFAULT_FREE_FAILURES, DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY);
    }

    public UnlockThrottle(int freeFailures, Duration firstDelay, Duration maxDelay) {
        if (freeFailures < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("throttle settings out of range");
        }
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** The wait imposed after the {@code n}-th failure in a row. */
    public Duration delayAfter(int n) {
        int over = n - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // 2^(over-1) without overflow: once past the cap, doubling further changes nothing
        Duration d = firstDelay;
        for (int i = 1; i < over && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Records a wrong attempt made at {@code now}; returns the wait that now applies. */
    public synchronized Duration failed(Instant now) {
        failures++;
        Duration d = delayAfter(failures);
        blockedUntil = d.isZero() ? null : now.plus(d);
        return d;
    }

    /** A successful unlock: the count starts again. */
    public synchronized void succeeded() {
        failures = 0;
        blockedUntil = null;
    }

    /** How long from {@code now} until another attempt is allowed (zero when it is allowed now). */
    public synchronized Duration remaining(Instant now) {
        if (blockedUntil == null || !now.isBefore(blockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, blockedUntil);
    }

    public synchronized boolean allows(Instant now) {
        return remaining(now).isZero();
    }

    /** Wrong attempts since the last success. */
    public synchronized int failures() {
        return failures;
    }
}

package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class UnlockThrottleTest {

    private static final Instant T0 = Instant.parse("2026-10-20T08:00:00Z");

    @Test
    void theFirstThreeFailuresCostNothingThenTheWaitDoublesUpToAMinute() {
        UnlockThrottle t = new UnlockThrottle();
        assertThat(t.delayAfter(1)).isZero();
        assertThat(t.delayAfter(2)).isZero();
        assertThat(t.delayAfter(3)).isZero();
        assertThat(t.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.delayAfter(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(t.delayAfter(7)).isEqualTo(Duration.ofSeconds(16));
        assertThat(t.delayAfter(8)).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.delayAfter(9)).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.delayAfter(10)).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFailureBeyondTheFreeOnesBlocksUntilItsWaitHasPassed() {
        UnlockThrottle t = new UnlockThrottle();
        for (int i = 0; i < 3; i++) {
            assertThat(t.failed(T0)).isZero();
            assertThat(t.allows(T0)).isTrue();
        }
        assertThat(t.failed(T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.allows(T0)).isFalse();
        assertThat(t.remaining(T0.plusMillis(500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(t.allows(T0.plusMillis(1999))).isFalse();
        assertThat(t.allows(T0.plusSeconds(2))).isTrue();
        assertThat(t.remaining(T0.plusSeconds(5))).isZero();

        Instant later = T0.plusSeconds(10);
        assertThat(t.failed(later)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.remaining(later)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.failures()).isEqualTo(5);
    }

    @Test
    void successStartsTheCountAgain() {
        UnlockThrottle t = new UnlockThrottle();
        for (int i = 0; i < 6; i++) {
            t.failed(T0);
        }
        assertThat(t.allows(T0)).isFalse();
        t.succeeded();
        assertThat(t.failures()).isZero();
        assertThat(t.allows(T0)).isTrue();
        assertThat(t.failed(T0)).isZero();
    }

    @Test
    void otherSettingsAreHonoured() {
        UnlockThrottle t = new UnlockThrottle(0, Duration.ofMillis(100), Duration.ofMillis(250));
        assertThat(t.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(t.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(t.delayAfter(3)).isEqualTo(Duration.ofMillis(250));
    }
}

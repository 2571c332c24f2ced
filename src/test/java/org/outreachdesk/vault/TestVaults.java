package org.outreachdesk.vault;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Shared settings for tests that create vaults. */
public final class TestVaults {

    /** The cheapest Argon2id cost the slots accept, so tests stay quick. */
    public static final KdfParams FAST_KDF = new KdfParams(19 * 1024, 2, 1);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-20T08:00:00Z"), ZoneId.of("Asia/Phnom_Penh"));
    public static final String ADMIN_PASSWORD = "correct horse battery";

    private TestVaults() {
    }
}

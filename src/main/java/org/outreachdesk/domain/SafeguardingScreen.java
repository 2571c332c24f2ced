package org.outreachdesk.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A trafficking and child-protection screen (indicators from the seed document). Any indicator brings up
 * the protocol: hotline 1288, anti-trafficking and child-protection referral. Counted in reports, never
 * exported as rows.
 */
public record SafeguardingScreen(RecordMeta meta, LocalDate date, UUID contactId, UUID siteId, UUID staffId,
                                 boolean debtBondage, boolean confinement, boolean documentsConfiscated,
                                 boolean extremeControl, boolean under18, boolean protocolShown,
                                 UUID referralId) {

    public SafeguardingScreen {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(date, "date");
    }

    /** Whether any indicator is present, which makes this a safeguarding flag. */
    public boolean flagged() {
        return debtBondage || confinement || documentsConfiscated || extremeControl || under18;
    }
}

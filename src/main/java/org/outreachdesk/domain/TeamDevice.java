package org.outreachdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A laptop of the team as this vault knows it.
 *
 * @param id             its id in the team (the hub's: its vault device id; a member's: given when it was invited)
 * @param vaultDevice    its own vault device id (the origin its records carry), null until a bundle from it arrived
 * @param revokedAt      when it was revoked (its bundles refused from then on), or null
 * @param lastSentAt     when this vault last wrote a bundle for it, or null
 * @param lastReceivedAt when this vault last read a bundle from it, or null
 */
public record TeamDevice(UUID id, String name, boolean hub, UUID vaultDevice, Instant invitedAt, Instant revokedAt,
                         Instant lastSentAt, Instant lastReceivedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}

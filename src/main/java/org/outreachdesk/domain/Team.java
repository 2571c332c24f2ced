package org.outreachdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The team this vault belongs to (issue 15, ADR 14): its id and name, whether this vault is its hub, and this
 * laptop's id in it. The team's secrets (its key, this laptop's private signing key) are not part of it.
 */
public record Team(UUID id, String name, boolean hub, UUID selfDevice, Instant createdAt) {
}

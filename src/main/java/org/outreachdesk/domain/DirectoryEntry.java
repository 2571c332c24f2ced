package org.outreachdesk.domain;

import java.util.Objects;
import java.util.Set;

/** An organisation contacts can be referred to, with the services it offers. */
public record DirectoryEntry(RecordMeta meta, String name, String description, String publicPhone,
                             String location, Set<ServiceType> services, boolean active) {

    public DirectoryEntry {
        Objects.requireNonNull(meta, "meta");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an organisation needs a name");
        }
        services = Set.copyOf(services);
    }
}

package org.outreachdesk.domain;

import java.util.Objects;

/** A hotspot outreach workers visit. {@code estimatedSize} (sex workers there) is used for coverage. */
public record Site(RecordMeta meta, String code, String name, VenueType venueType, String district,
                   String commune, Integer estimatedSize, boolean active) {

    public Site {
        Objects.requireNonNull(meta, "meta");
        code = Codes.requireCode(code, "site code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(venueType, "venueType");
        if (estimatedSize != null && estimatedSize < 0) {
            throw new IllegalArgumentException("estimated size must not be negative");
        }
    }
}

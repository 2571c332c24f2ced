package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Codes;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.VenueType;

/** Sites (hotspots): everyone lists them (RECORDS); coordinators add, edit and deactivate (COORDINATE). */
public final class SiteService {

    static final String RECORD_TYPE = "site";
    /** More sex workers than this at one hotspot is surely a typing mistake. */
    static final int MAX_ESTIMATED_SIZE = 10_000;

    private final Workspace ws;

    public SiteService(Workspace ws) {
        this.ws = ws;
    }

    /** What a coordinator types for a site. */
    public record Draft(String code, String name, VenueType venueType, String district, String commune,
                        Integer estimatedSize) {
    }

    /** All sites by code; deactivated ones only when {@code includeInactive}. */
    public List<Site> list(boolean includeInactive) {
        return ws.read(Permission.RECORDS, tx -> tx.sites().list(!includeInactive));
    }

    public Site add(Draft d) {
        ws.require(Permission.COORDINATE);
        Site s = build(ws.newMeta(), d, true);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, s.meta().id().toString(), null, tx -> {
            if (tx.sites().findByCode(s.code()).isPresent()) {
                throw duplicateCode();
            }
            tx.sites().insert(s);
            return s;
        });
    }

    /** Saves changes to {@code original} (as read); fails if someone changed it since. */
    public Site update(Site original, Draft d) {
        ws.require(Permission.COORDINATE);
        Site s = build(ws.touch(original.meta()), d, original.active());
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                s.meta().id().toString(), null, tx -> {
                    tx.sites().findByCode(s.code()).filter(o -> !o.meta().id().equals(s.meta().id()))
                            .ifPresent(o -> {
                                throw duplicateCode();
                            });
                    tx.sites().update(s);
                    return s;
                }));
    }

    /** Deactivates (no longer offered for new encounters; kept in reports) or reactivates a site. */
    public Site setActive(Site original, boolean active) {
        ws.require(Permission.COORDINATE);
        Site s = new Site(ws.touch(original.meta()), original.code(), original.name(), original.venueType(),
                original.district(), original.commune(), original.estimatedSize(), active);
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                s.meta().id().toString(), active ? "activated" : "deactivated", tx -> {
                    tx.sites().update(s);
                    return s;
                }));
    }

    private static Site build(RecordMeta meta, Draft d, boolean active) {
        String code = Codes.normalise(d.code());
        if (code.isEmpty()) {
            throw new InvalidInputException("The site code is required").keyed("site.codeRequired");
        }
        if (!Codes.isValid(code)) {
            throw new InvalidInputException("The site code must be 1-20 letters, digits, '-' or '_' (e.g. KTV-03)")
                    .keyed("site.codeFormat");
        }
        String name = OpsChecks.requiredText(d.name(), 100, "The site name");
        VenueType venue = OpsChecks.required(d.venueType(), "The venue type");
        String district = OpsChecks.optionalText(d.district(), 60, "The district");
        String commune = OpsChecks.optionalText(d.commune(), 60, "The commune");
        Integer size = d.estimatedSize();
        if (size != null && (size < 0 || size > MAX_ESTIMATED_SIZE)) {
            throw new InvalidInputException("The estimated size must be 0-" + MAX_ESTIMATED_SIZE)
                    .keyed("site.size", MAX_ESTIMATED_SIZE);
        }
        return new Site(meta, code, name, venue, district, commune, size, active);
    }

    private static InvalidInputException duplicateCode() {
        return (InvalidInputException) new InvalidInputException("Another site already has this code; choose a different code")
                .keyed("site.codeTaken");
    }
}

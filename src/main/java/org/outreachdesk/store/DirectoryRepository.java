package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.DIRECTORY_ENTRY;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_SERVICE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.ServiceType;

/** The service directory: organisations and the services each offers. */
public final class DirectoryRepository {

    private final DSLContext dsl;

    public DirectoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(DirectoryEntry e) {
        dsl.insertInto(DIRECTORY_ENTRY)
                .set(Meta.insertValues(DIRECTORY_ENTRY, e.meta()))
                .set(DIRECTORY_ENTRY.ORG_NAME, e.name())
                .set(DIRECTORY_ENTRY.DESCRIPTION, e.description())
                .set(DIRECTORY_ENTRY.PUBLIC_PHONE, e.publicPhone())
                .set(DIRECTORY_ENTRY.LOCATION, e.location())
                .set(DIRECTORY_ENTRY.ACTIVE, e.active())
                .execute();
        writeServices(e);
    }

    public void update(DirectoryEntry e) {
        int n = dsl.update(DIRECTORY_ENTRY)
                .set(Meta.updateValues(DIRECTORY_ENTRY, e.meta()))
                .set(DIRECTORY_ENTRY.ORG_NAME, e.name())
                .set(DIRECTORY_ENTRY.DESCRIPTION, e.description())
                .set(DIRECTORY_ENTRY.PUBLIC_PHONE, e.publicPhone())
                .set(DIRECTORY_ENTRY.LOCATION, e.location())
                .set(DIRECTORY_ENTRY.ACTIVE, e.active())
                .where(DIRECTORY_ENTRY.ID.eq(e.meta().id()).and(DIRECTORY_ENTRY.ROW_VERSION.eq(e.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "directory entry");
        dsl.deleteFrom(DIRECTORY_SERVICE).where(DIRECTORY_SERVICE.DIRECTORY_ENTRY_ID.eq(e.meta().id())).execute();
        writeServices(e);
    }

    private void writeServices(DirectoryEntry e) {
        for (ServiceType s : e.services()) {
            dsl.insertInto(DIRECTORY_SERVICE)
                    .set(DIRECTORY_SERVICE.DIRECTORY_ENTRY_ID, e.meta().id())
                    .set(DIRECTORY_SERVICE.SERVICE_TYPE, s)
                    .execute();
        }
    }

    public Optional<DirectoryEntry> findById(UUID id) {
        return find(DIRECTORY_ENTRY.ID.eq(id)).stream().findFirst();
    }

    /**
     * Entries whose name or description contains {@code text} (any case; null for all) and that offer
     * {@code service} (null for any), by name.
     */
    public List<DirectoryEntry> search(String text, ServiceType service, boolean activeOnly) {
        Condition c = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            c = c.and(DSL.lower(DIRECTORY_ENTRY.ORG_NAME).like(like)
                    .or(DSL.lower(DIRECTORY_ENTRY.DESCRIPTION).like(like)));
        }
        if (service != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(DIRECTORY_SERVICE)
                    .where(DIRECTORY_SERVICE.DIRECTORY_ENTRY_ID.eq(DIRECTORY_ENTRY.ID),
                            DIRECTORY_SERVICE.SERVICE_TYPE.eq(service))));
        }
        if (activeOnly) {
            c = c.and(DIRECTORY_ENTRY.ACTIVE.isTrue());
        }
        return find(c);
    }

    /** The entry with this name, ignoring case and surrounding blanks (names are unique). */
    public Optional<DirectoryEntry> findByName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return find(DSL.lower(DIRECTORY_ENTRY.ORG_NAME).eq(n)).stream().findFirst();
    }

    public long count() {
        return dsl.fetchCount(DIRECTORY_ENTRY);
    }

    private List<DirectoryEntry> find(Condition c) {
        var rows = dsl.selectFrom(DIRECTORY_ENTRY).where(c).orderBy(DIRECTORY_ENTRY.ORG_NAME).fetch();
        Map<UUID, Set<ServiceType>> services = new HashMap<>();
        if (!rows.isEmpty()) {
            dsl.selectFrom(DIRECTORY_SERVICE)
                    .where(DIRECTORY_SERVICE.DIRECTORY_ENTRY_ID.in(rows.map(r -> r.getId())))
                    .forEach(s -> services.computeIfAbsent(s.getDirectoryEntryId(), k -> EnumSet.noneOf(ServiceType.class))
                            .add(s.getServiceType()));
        }
        return rows.map(r -> map(r, services.getOrDefault(r.getId(), Set.of())));
    }

    static DirectoryEntry map(Record r, Set<ServiceType> services) {
        return new DirectoryEntry(Meta.read(DIRECTORY_ENTRY, r), r.get(DIRECTORY_ENTRY.ORG_NAME),
                r.get(DIRECTORY_ENTRY.DESCRIPTION), r.get(DIRECTORY_ENTRY.PUBLIC_PHONE), r.get(DIRECTORY_ENTRY.LOCATION),
                services, r.get(DIRECTORY_ENTRY.ACTIVE));
    }
}

package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Table;
import org.junit.jupiter.api.Test;

import org.outreachdesk.store.jooq.DefaultSchema;

/**
 * Every table of the schema is either shared by a team (captured by the change log, ADR 14) or named here as one
 * laptop's own: a new table must be put on one side, so no record escapes team sync by being forgotten.
 */
class SharedTablesTest {

    /**
     * Users, settings, the audit trail, the sync machinery itself, the team's keys and bookkeeping (V13: secrets and
     * what this laptop sent and received) and Flyway's history stay on their laptop.
     */
    static final Set<String> OWN = Set.of("app_user", "setting", "audit_entry", "sync_state", "sync_vector",
            "change_log", "field_head", "team", "team_device", "flyway_schema_history");

    @Test
    void everyTableIsSharedOrNamedAsOwn() {
        Set<String> all = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .map(t -> t.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> shared = SyncRepository.TABLES.stream().map(Table::getName)
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertThat(shared).doesNotContainAnyElementsOf(OWN);
        assertThat(all).as("each table shared or own").allMatch(t -> shared.contains(t) || OWN.contains(t));
    }
}

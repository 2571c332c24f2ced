package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.CONTACT_ALIAS;
import static org.outreachdesk.store.jooq.Tables.DISTINCT_CONTACTS;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.SAFEGUARDING_SCREEN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Uic;

/**
 * What merges and UIC corrections write besides the contact itself (schema V9): the aliases of a contact (its
 * corrected and merged-away codes), the pairs kept apart as "not the same person", the records moved from a
 * merged-away contact to the one that stayed, and the live codes the possible-duplicates list compares.
 *
 * <p>An alias always names a live contact: a merge moves the merged-away contact's aliases to the contact that
 * stayed, so a lookup follows one step, never a chain.
 */
public final class MergeRepository {

    /** Why a code is an alias. */
    public enum AliasKind {
        /** The code of a contact merged into this one. */
        MERGED,
        /** A code this contact had before it was corrected. */
        CORRECTED
    }

    /** A record moved by a merge, with the version it had before the move (its new version is one more). */
    public record Moved(RecordType type, UUID id, int baseVersion) {
    }

    /** A live contact's id and code (for the possible-duplicates list). */
    public record LiveCode(UUID id, Uic uic) {
        @Override
        public String toString() {
            return "LiveCode[" + id + "]";
        }
    }

    private final DSLContext dsl;

    public MergeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The contact an alias names, if {@code uic} is one. */
    public Optional<UUID> aliasOwner(Uic uic) {
        return dsl.select(CONTACT_ALIAS.CONTACT_ID).from(CONTACT_ALIAS).where(CONTACT_ALIAS.UIC.eq(uic.value()))
                .fetchOptional(r -> r.value1());
    }

    public void addAlias(Uic uic, UUID contactId, AliasKind kind, RecordMeta.Author author, Instant at) {
        dsl.insertInto(CONTACT_ALIAS)
                .set(CONTACT_ALIAS.UIC, uic.value())
                .set(CONTACT_ALIAS.CONTACT_ID, contactId)
                .set(CONTACT_ALIAS.ALIAS_KIND, kind.name())
                .set(CONTACT_ALIAS.CREATED_AT, at)
                .set(CONTACT_ALIAS.CREATED_BY, author.userId())
                .set(CONTACT_ALIAS.ORIGIN_DEVICE, author.deviceId())
                .execute();
    }

    /** Forgets an alias (a code corrected back to the contact's own). */
    public void removeAlias(Uic uic) {
        dsl.deleteFrom(CONTACT_ALIAS).where(CONTACT_ALIAS.UIC.eq(uic.value())).execute();
    }

    /** Moves every alias of {@code from} to {@code to}; answers how many moved. */
    public int moveAliases(UUID from, UUID to) {
        return dsl.update(CONTACT_ALIAS).set(CONTACT_ALIAS.CONTACT_ID, to).where(CONTACT_ALIAS.CONTACT_ID.eq(from))
                .execute();
    }

    /** The codes that also name this contact, in code order. */
    public List<Uic> aliasesOf(UUID contactId) {
        return dsl.select(CONTACT_ALIAS.UIC).from(CONTACT_ALIAS).where(CONTACT_ALIAS.CONTACT_ID.eq(contactId))
                .orderBy(CONTACT_ALIAS.UIC).fetch(r -> Uic.parse(r.value1()));
    }

    /**
     * Marks the contact merged into {@code into}, writing its touched metadata.
     *
     * @throws ConcurrentChangeException when its version is not the one before {@code touched}
     */
    public void markMerged(RecordMeta touched, UUID into) {
        int n = dsl.update(CONTACT)
                .set(Meta.updateValues(CONTACT, touched))
                .set(CONTACT.MERGED_INTO, into)
                .where(CONTACT.ID.eq(touched.id()), CONTACT.ROW_VERSION.eq(touched.version() - 1),
                        CONTACT.MERGED_INTO.isNull())
                .execute();
        ConcurrentChangeException.check(n, "contact");
    }

    /** The contact this one was merged into (empty when it is live or unknown). */
    public Optional<UUID> mergedInto(UUID contactId) {
        return dsl.select(CONTACT.MERGED_INTO).from(CONTACT).where(CONTACT.ID.eq(contactId))
                .fetchOptional(r -> r.value1());
    }

    /**
     * Moves every encounter, referral, incident and safeguarding screen of {@code from} to {@code to}, bumping each
     * one's version and stamping who moved it when. Answers what moved, with the versions before the move.
     */
    public List<Moved> moveRecords(UUID from, UUID to, RecordMeta.Author author, Instant at) {
        List<Moved> out = new ArrayList<>();
        out.addAll(move(RecordType.ENCOUNTER, ENCOUNTER, ENCOUNTER.ID, ENCOUNTER.CONTACT_ID, ENCOUNTER.ROW_VERSION,
                from, to, author, at));
        out.addAll(move(RecordType.REFERRAL, REFERRAL, REFERRAL.ID, REFERRAL.CONTACT_ID, REFERRAL.ROW_VERSION,
                from, to, author, at));
        out.addAll(move(RecordType.INCIDENT, INCIDENT, INCIDENT.ID, INCIDENT.CONTACT_ID, INCIDENT.ROW_VERSION,
                from, to, author, at));
        out.addAll(move(RecordType.SAFEGUARDING, SAFEGUARDING_SCREEN, SAFEGUARDING_SCREEN.ID,
                SAFEGUARDING_SCREEN.CONTACT_ID, SAFEGUARDING_SCREEN.ROW_VERSION, from, to, author, at));
        return out;
    }

    private List<Moved> move(RecordType type, Table<?> table, Field<UUID> id, Field<UUID> contact,
                             Field<Integer> version, UUID from, UUID to, RecordMeta.Author author, Instant at) {
        List<Moved> moved = dsl.select(id, version).from(table).where(contact.eq(from)).orderBy(id)
                .fetch(r -> new Moved(type, r.value1(), r.value2()));
        if (!moved.isEmpty()) {
            dsl.update(table)
                    .set(contact, to)
                    .set(version, version.plus(1))
                    .set(table.field("updated_at", Instant.class), at)
                    .set(table.field("updated_by", UUID.class), author.userId())
                    .where(contact.eq(from))
                    .execute();
        }
        return moved;
    }

    /**
     * The pair in the one order it is stored in: {@code a} the smaller id by its canonical text (the order of the
     * UUID's bytes, as the database compares them; {@link UUID#compareTo} compares signed numbers instead).
     */
    public static UUID[] ordered(UUID x, UUID y) {
        return x.toString().compareTo(y.toString()) <= 0 ? new UUID[] {x, y} : new UUID[] {y, x};
    }

    public boolean isDistinct(UUID x, UUID y) {
        UUID[] p = ordered(x, y);
        return dsl.fetchExists(DISTINCT_CONTACTS, DISTINCT_CONTACTS.CONTACT_A.eq(p[0]), DISTINCT_CONTACTS.CONTACT_B.eq(p[1]));
    }

    public void addDistinct(UUID x, UUID y, RecordMeta.Author author, Instant at) {
        UUID[] p = ordered(x, y);
        dsl.insertInto(DISTINCT_CONTACTS)
                .set(DISTINCT_CONTACTS.CONTACT_A, p[0])
                .set(DISTINCT_CONTACTS.CONTACT_B, p[1])
                .set(DISTINCT_CONTACTS.CREATED_AT, at)
                .set(DISTINCT_CONTACTS.CREATED_BY, author.userId())
                .set(DISTINCT_CONTACTS.ORIGIN_DEVICE, author.deviceId())
                .execute();
    }

    /** Every pair kept apart, each as "a|b" in stored order. */
    public Set<String> distinctPairs() {
        Set<String> out = new HashSet<>();
        dsl.select(DISTINCT_CONTACTS.CONTACT_A, DISTINCT_CONTACTS.CONTACT_B).from(DISTINCT_CONTACTS)
                .forEach(r -> out.add(r.value1() + "|" + r.value2()));
        return out;
    }

    /** The id and code of every live (not merged) contact, streamed from the UIC index in one pass. */
    public List<LiveCode> liveCodes() {
        List<LiveCode> out = new ArrayList<>();
        try (var cursor = dsl.select(CONTACT.ID, CONTACT.UIC).from(CONTACT).where(CONTACT.MERGED_INTO.isNull())
                .fetchSize(5000).fetchLazy()) {
            cursor.forEach(r -> out.add(new LiveCode(r.value1(), Uic.parse(r.value2()))));
        }
        return out;
    }
}

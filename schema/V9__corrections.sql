-- Outreach Desk: corrections, voids and merges with their history (issue 14, ADR 13).
--
-- Nothing is ever deleted. A record that was wrong is either corrected (new values; the old ones kept in
-- record_change) or voided (kept, flagged, left out of every count and list). Two contacts that are one person
-- are merged: the one that goes keeps its row, pointing at the one that stays; its UIC becomes an alias.
-- Every change is a row of record_change, so that the next issue (team sync) can replay it on other laptops.

-- 1. Voids. `voided` is a plain flag so that report indexes can carry it; the reason and when/who beside it.
ALTER TABLE encounter ADD COLUMN voided BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE encounter ADD COLUMN void_reason VARCHAR(20);
ALTER TABLE referral ADD COLUMN voided BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE referral ADD COLUMN void_reason VARCHAR(20);
ALTER TABLE incident ADD COLUMN voided BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident ADD COLUMN void_reason VARCHAR(20);
ALTER TABLE commodity_movement ADD COLUMN voided BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE commodity_movement ADD COLUMN void_reason VARCHAR(20);
ALTER TABLE encounter ADD CONSTRAINT encounter_void_ck
    CHECK (void_reason IS NULL OR void_reason IN ('ENTERED_TWICE', 'WRONG_PERSON', 'WRONG_DETAILS', 'OTHER'));
ALTER TABLE referral ADD CONSTRAINT referral_void_ck
    CHECK (void_reason IS NULL OR void_reason IN ('ENTERED_TWICE', 'WRONG_PERSON', 'WRONG_DETAILS', 'OTHER'));
ALTER TABLE incident ADD CONSTRAINT incident_void_ck
    CHECK (void_reason IS NULL OR void_reason IN ('ENTERED_TWICE', 'WRONG_PERSON', 'WRONG_DETAILS', 'OTHER'));
ALTER TABLE commodity_movement ADD CONSTRAINT movement_void_ck
    CHECK (void_reason IS NULL OR void_reason IN ('ENTERED_TWICE', 'WRONG_PERSON', 'WRONG_DETAILS', 'OTHER'));

-- A voided encounter must not stop the right one being entered, and a merge may bring two encounters of one
-- person on one day together: the natural key is checked by the service among live encounters, not by a
-- unique constraint (which would also make a sync bundle fail half-way).
ALTER TABLE encounter DROP CONSTRAINT encounter_natural_uk;
CREATE INDEX encounter_natural_ix ON encounter (contact_id, encounter_date, staff_id, site_id);

-- The report index (V6) answers reports from the index alone; it must carry the void flag to stay covering.
DROP INDEX encounter_report_ix;
CREATE INDEX encounter_report_ix ON encounter (encounter_date, contact_id, hiv_status, site_id, male_condoms,
    female_condoms, lubricants, hiv_self_tests, voided);

-- 2. Merges and UIC corrections. A merged contact keeps its row (and its UIC, so no new contact can take it)
-- with merged_into naming the contact that stayed. A corrected UIC is kept in contact_alias.
-- A lookup or import of any of these codes finds the contact that stayed.
ALTER TABLE contact ADD COLUMN merged_into UUID;
ALTER TABLE contact ADD CONSTRAINT contact_merged_fk FOREIGN KEY (merged_into) REFERENCES contact (id);
CREATE INDEX contact_merged_ix ON contact (merged_into);

CREATE TABLE contact_alias (
    uic           CHAR(11)    NOT NULL PRIMARY KEY,
    contact_id    UUID        NOT NULL,
    alias_kind    VARCHAR(10) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID        NOT NULL,
    origin_device UUID        NOT NULL,
    CONSTRAINT contact_alias_contact_fk FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT contact_alias_kind_ck CHECK (alias_kind IN ('MERGED', 'CORRECTED'))
);
CREATE INDEX contact_alias_contact_ix ON contact_alias (contact_id);

-- "Not the same person": a pair of contacts a coordinator has looked at and kept apart (never asked again).
-- The pair is stored in one order (contact_a < contact_b, compared as UUIDs by the service).
CREATE TABLE distinct_contacts (
    contact_a     UUID NOT NULL,
    contact_b     UUID NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID NOT NULL,
    origin_device UUID NOT NULL,
    CONSTRAINT distinct_contacts_pk PRIMARY KEY (contact_a, contact_b),
    CONSTRAINT distinct_contacts_a_fk FOREIGN KEY (contact_a) REFERENCES contact (id),
    CONSTRAINT distinct_contacts_b_fk FOREIGN KEY (contact_b) REFERENCES contact (id)
);

-- 3. History: one row per correction, void or merge of a record, and one row per field it changed, with the
-- value before and after (in the vault only; the audit trail names ids and field names, never values).
-- new_version is the record's row_version after the change; base_version the one the change was made on
-- (a change made elsewhere on an older version is a conflict, issue 15). Values are text in one canonical
-- form (ISO dates, enum names, UUIDs, decimal numbers, true/false; NULL for empty), see domain.FieldChange.
CREATE TABLE record_change (
    id             UUID        NOT NULL PRIMARY KEY,
    record_type    VARCHAR(20) NOT NULL,
    record_id      UUID        NOT NULL,
    change_kind    VARCHAR(12) NOT NULL,
    base_version   INTEGER     NOT NULL,
    new_version    INTEGER     NOT NULL,
    reason         VARCHAR(20),
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     UUID        NOT NULL,
    changed_by_name VARCHAR(64) NOT NULL,
    origin_device  UUID        NOT NULL,
    CONSTRAINT record_change_type_ck CHECK (record_type IN ('CONTACT', 'ENCOUNTER', 'REFERRAL', 'INCIDENT', 'MOVEMENT')),
    CONSTRAINT record_change_kind_ck CHECK (change_kind IN ('CORRECT', 'VOID', 'MERGE', 'UIC', 'MOVE'))
);
CREATE INDEX record_change_record_ix ON record_change (record_id, new_version);

CREATE TABLE record_change_field (
    change_id  UUID         NOT NULL,
    field_name VARCHAR(40)  NOT NULL,
    old_value  VARCHAR(1000),
    new_value  VARCHAR(1000),
    CONSTRAINT record_change_field_pk PRIMARY KEY (change_id, field_name),
    CONSTRAINT record_change_field_fk FOREIGN KEY (change_id) REFERENCES record_change (id)
);

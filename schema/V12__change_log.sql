-- Outreach Desk: the change log that team sync sends (issue 15, ADR 14).
--
-- Every write to a record a team shares is one row of change_log, written in the same transaction by a
-- trigger on the record's table (store.ChangeCapture, installed by store.Database), once the vault is in a
-- team (sync_state has its row). A change is named by the device that made it and that device's sequence
-- number; the version vector (sync_vector) holds, per device, the highest sequence this vault holds, and
-- changes are only ever applied in sequence order per device.

-- This vault's own clock: its device id (the same as the setting DEVICE_ID) and the last hybrid logical clock
-- value it gave or saw (wall-clock milliseconds * 65536 + a counter). No row: the vault logs nothing yet.
CREATE TABLE sync_state (
    device_id UUID   NOT NULL PRIMARY KEY,
    last_hlc  BIGINT NOT NULL
);

-- Per origin device, the highest sequence number held (every change up to it is held).
CREATE TABLE sync_vector (
    origin_device UUID   NOT NULL PRIMARY KEY,
    max_seq       BIGINT NOT NULL
);

-- One change: the record (table name and primary key as text), INSERT / UPDATE / DELETE, and its fields
-- (payload: field names, new values as canonical text, and for an UPDATE the changes each field replaced).
CREATE TABLE change_log (
    origin_device UUID        NOT NULL,
    seq           BIGINT      NOT NULL,
    hlc           BIGINT      NOT NULL,
    record_type   VARCHAR(40) NOT NULL,
    record_id     VARCHAR(100) NOT NULL,
    op            VARCHAR(8)  NOT NULL,
    payload       VARBINARY(1000000) NOT NULL,
    CONSTRAINT change_log_pk PRIMARY KEY (origin_device, seq),
    CONSTRAINT change_log_op_ck CHECK (op IN ('INSERT', 'UPDATE', 'DELETE'))
);
CREATE INDEX change_log_record_ix ON change_log (record_type, record_id, hlc);
CREATE INDEX change_log_hlc_ix ON change_log (hlc, origin_device);

-- The heads of a field changed since its record was inserted: the changes no other change replaced, with
-- their values. One row: the field's value. Two rows with different values: a conflict (both kept; the value
-- in the record is the one of the greater (hlc, origin_device)). No row: the record's INSERT is the head.
CREATE TABLE field_head (
    record_type   VARCHAR(40)  NOT NULL,
    record_id     VARCHAR(100) NOT NULL,
    field_name    VARCHAR(40)  NOT NULL,
    origin_device UUID         NOT NULL,
    seq           BIGINT       NOT NULL,
    hlc           BIGINT       NOT NULL,
    field_value   VARCHAR(4000),
    CONSTRAINT field_head_pk PRIMARY KEY (record_type, record_id, field_name, origin_device, seq)
);

-- Two laptops may each create a contact for one person under the same UIC; the contact arriving second is
-- merged into the one with the smaller id (ADR 14), so both rows must be able to exist for a moment, and the
-- merged-away row keeps its UIC (ADR 13). Uniqueness among live contacts is the services' rule (isCodeTaken).
ALTER TABLE contact DROP CONSTRAINT contact_uic_uk;
CREATE INDEX contact_uic_ix ON contact (uic);

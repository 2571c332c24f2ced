-- Outreach Desk: the first data model (see ../shared/DOMAIN.md).
--
-- Every record table carries the same bookkeeping columns, so that laptops can later exchange data:
--   id            UUID, made on the device that created the record
--   created_at / updated_at   instants (UTC)
--   created_by / updated_by   id of the app user who wrote it
--   origin_device id of the device (vault installation) that created it
--   row_version   starts at 1, +1 on every change (optimistic locking, sync)
--
-- Identifiers are unquoted and avoid reserved words, so the same statements run on H2 and PostgreSQL.
-- No names, phone numbers or addresses of persons are stored anywhere.

CREATE TABLE setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID
);

CREATE TABLE app_user (
    id            UUID          NOT NULL PRIMARY KEY,
    user_name     VARCHAR(64)   NOT NULL,
    user_role     VARCHAR(20)   NOT NULL,
    active        BOOLEAN       DEFAULT TRUE NOT NULL,
    language      VARCHAR(8)    DEFAULT 'en' NOT NULL,
    staff_id      UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID          NOT NULL,
    updated_by    UUID          NOT NULL,
    origin_device UUID          NOT NULL,
    row_version   INTEGER       DEFAULT 1 NOT NULL,
    CONSTRAINT app_user_name_uk UNIQUE (user_name),
    CONSTRAINT app_user_role_ck CHECK (user_role IN ('ADMIN', 'MANAGER', 'COORDINATOR', 'OUTREACH_WORKER'))
);

CREATE TABLE staff (
    id            UUID          NOT NULL PRIMARY KEY,
    code          VARCHAR(20)   NOT NULL,
    staff_kind    VARCHAR(20)   DEFAULT 'OUTREACH_WORKER' NOT NULL,
    team          VARCHAR(40),
    active        BOOLEAN       DEFAULT TRUE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID          NOT NULL,
    updated_by    UUID          NOT NULL,
    origin_device UUID          NOT NULL,
    row_version   INTEGER       DEFAULT 1 NOT NULL,
    CONSTRAINT staff_code_uk UNIQUE (code),
    CONSTRAINT staff_kind_ck CHECK (staff_kind IN ('OUTREACH_WORKER', 'PEER_EDUCATOR', 'COORDINATOR', 'OTHER'))
);

CREATE TABLE site (
    id             UUID         NOT NULL PRIMARY KEY,
    code           VARCHAR(20)  NOT NULL,
    site_name      VARCHAR(100) NOT NULL,
    venue_type     VARCHAR(20)  NOT NULL,
    district       VARCHAR(60),
    commune        VARCHAR(60),
    estimated_size INTEGER,
    active         BOOLEAN      DEFAULT TRUE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID         NOT NULL,
    updated_by     UUID         NOT NULL,
    origin_device  UUID         NOT NULL,
    row_version    INTEGER      DEFAULT 1 NOT NULL,
    CONSTRAINT site_code_uk UNIQUE (code),
    CONSTRAINT site_venue_ck CHECK (venue_type IN ('KTV', 'BEER_GARDEN', 'GUESTHOUSE', 'MASSAGE', 'STREET', 'PRIVATE', 'OTHER')),
    CONSTRAINT site_size_ck CHECK (estimated_size IS NULL OR estimated_size >= 0)
);

CREATE TABLE contact (
    id                 UUID        NOT NULL PRIMARY KEY,
    uic                CHAR(11)    NOT NULL,
    birth_year         SMALLINT,
    gender             VARCHAR(3)  NOT NULL,
    kp_type            VARCHAR(5)  NOT NULL,
    first_contact_date DATE        NOT NULL,
    home_site_id       UUID,
    assigned_staff_id  UUID,
    contact_status     VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL,
    status_date        DATE,
    note               VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         UUID        NOT NULL,
    updated_by         UUID        NOT NULL,
    origin_device      UUID        NOT NULL,
    row_version        INTEGER     DEFAULT 1 NOT NULL,
    CONSTRAINT contact_uic_uk UNIQUE (uic),
    CONSTRAINT contact_home_site_fk FOREIGN KEY (home_site_id) REFERENCES site (id),
    CONSTRAINT contact_staff_fk FOREIGN KEY (assigned_staff_id) REFERENCES staff (id),
    CONSTRAINT contact_gender_ck CHECK (gender IN ('F', 'M', 'TGW', 'TGM', 'O', 'U')),
    CONSTRAINT contact_kp_ck CHECK (kp_type IN ('FSW', 'FEW', 'MSM', 'TG', 'PWID', 'OTHER')),
    CONSTRAINT contact_status_ck CHECK (contact_status IN ('ACTIVE', 'MOVED_AWAY', 'LOST_TO_FOLLOW_UP', 'DECEASED'))
);
CREATE INDEX contact_home_site_ix ON contact (home_site_id);
CREATE INDEX contact_staff_ix ON contact (assigned_staff_id);

CREATE TABLE encounter (
    id               UUID        NOT NULL PRIMARY KEY,
    contact_id       UUID        NOT NULL,
    encounter_date   DATE        NOT NULL,
    staff_id         UUID        NOT NULL,
    site_id          UUID        NOT NULL,
    encounter_type   VARCHAR(12) DEFAULT 'INDIVIDUAL' NOT NULL,
    education        BOOLEAN     DEFAULT FALSE NOT NULL,
    condom_demo      BOOLEAN     DEFAULT FALSE NOT NULL,
    male_condoms     INTEGER     DEFAULT 0 NOT NULL,
    female_condoms   INTEGER     DEFAULT 0 NOT NULL,
    lubricants       INTEGER     DEFAULT 0 NOT NULL,
    hiv_self_tests   INTEGER     DEFAULT 0 NOT NULL,
    hiv_status       VARCHAR(20),
    sti_screened     BOOLEAN     DEFAULT FALSE NOT NULL,
    note             VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID        NOT NULL,
    updated_by       UUID        NOT NULL,
    origin_device    UUID        NOT NULL,
    row_version      INTEGER     DEFAULT 1 NOT NULL,
    -- the same contact met on the same date by the same worker at the same site is one encounter
    CONSTRAINT encounter_natural_uk UNIQUE (contact_id, encounter_date, staff_id, site_id),
    CONSTRAINT encounter_contact_fk FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT encounter_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT encounter_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT encounter_type_ck CHECK (encounter_type IN ('INDIVIDUAL', 'SMALL_GROUP', 'REMOTE')),
    CONSTRAINT encounter_hiv_ck CHECK (hiv_status IS NULL OR hiv_status IN
        ('KNOWN_POSITIVE', 'TESTED', 'REFERRED_FOR_TEST', 'DECLINED', 'NOT_REQUIRED')),
    CONSTRAINT encounter_qty_ck CHECK (male_condoms >= 0 AND female_condoms >= 0 AND lubricants >= 0 AND hiv_self_tests >= 0)
);
CREATE INDEX encounter_date_ix ON encounter (encounter_date, contact_id);
CREATE INDEX encounter_contact_date_ix ON encounter (contact_id, encounter_date);
CREATE INDEX encounter_site_ix ON encounter (site_id, encounter_date);
CREATE INDEX encounter_staff_ix ON encounter (staff_id);

CREATE TABLE directory_entry (
    id            UUID         NOT NULL PRIMARY KEY,
    org_name      VARCHAR(120) NOT NULL,
    description   VARCHAR(500),
    -- an organisation's public hotline or office number (never a person's)
    public_phone  VARCHAR(40),
    location      VARCHAR(120),
    active        BOOLEAN      DEFAULT TRUE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID         NOT NULL,
    updated_by    UUID         NOT NULL,
    origin_device UUID         NOT NULL,
    row_version   INTEGER      DEFAULT 1 NOT NULL,
    CONSTRAINT directory_name_uk UNIQUE (org_name)
);

CREATE TABLE directory_service (
    directory_entry_id UUID        NOT NULL,
    service_type       VARCHAR(20) NOT NULL,
    CONSTRAINT directory_service_pk PRIMARY KEY (directory_entry_id, service_type),
    CONSTRAINT directory_service_fk FOREIGN KEY (directory_entry_id) REFERENCES directory_entry (id) ON DELETE CASCADE,
    CONSTRAINT directory_service_ck CHECK (service_type IN ('HTS', 'STI', 'ART', 'PEP', 'PREP', 'FP', 'LEGAL', 'VIOLENCE',
        'TRAFFICKING', 'CHILD_PROTECTION', 'LIVELIHOOD', 'MENTAL_HEALTH', 'OTHER'))
);

CREATE TABLE referral (
    id                 UUID        NOT NULL PRIMARY KEY,
    contact_id         UUID        NOT NULL,
    encounter_id       UUID,
    service_type       VARCHAR(20) NOT NULL,
    directory_entry_id UUID,
    made_date          DATE        NOT NULL,
    due_date           DATE,
    referral_status    VARCHAR(12) DEFAULT 'PENDING' NOT NULL,
    closed_date        DATE,
    note               VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         UUID        NOT NULL,
    updated_by         UUID        NOT NULL,
    origin_device      UUID        NOT NULL,
    row_version        INTEGER     DEFAULT 1 NOT NULL,
    CONSTRAINT referral_contact_fk FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT referral_encounter_fk FOREIGN KEY (encounter_id) REFERENCES encounter (id),
    CONSTRAINT referral_directory_fk FOREIGN KEY (directory_entry_id) REFERENCES directory_entry (id),
    CONSTRAINT referral_service_ck CHECK (service_type IN ('HTS', 'STI', 'ART', 'PEP', 'PREP', 'FP', 'LEGAL', 'VIOLENCE',
        'TRAFFICKING', 'CHILD_PROTECTION', 'LIVELIHOOD', 'MENTAL_HEALTH', 'OTHER')),
    CONSTRAINT referral_status_ck CHECK (referral_status IN ('PENDING', 'COMPLETED', 'DECLINED', 'LOST')),
    CONSTRAINT referral_closed_ck CHECK ((referral_status = 'PENDING') = (closed_date IS NULL))
);
CREATE INDEX referral_made_ix ON referral (made_date);
CREATE INDEX referral_due_ix ON referral (referral_status, due_date);
CREATE INDEX referral_contact_ix ON referral (contact_id);
CREATE INDEX referral_encounter_ix ON referral (encounter_id);

CREATE TABLE incident (
    id               UUID        NOT NULL PRIMARY KEY,
    incident_date    DATE        NOT NULL,
    site_id          UUID,
    contact_id       UUID,
    incident_type    VARCHAR(20) NOT NULL,
    perpetrator      VARCHAR(20) NOT NULL,
    support_given    BOOLEAN     DEFAULT FALSE NOT NULL,
    support_note     VARCHAR(500),
    referral_id      UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID        NOT NULL,
    updated_by       UUID        NOT NULL,
    origin_device    UUID        NOT NULL,
    row_version      INTEGER     DEFAULT 1 NOT NULL,
    CONSTRAINT incident_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT incident_contact_fk FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT incident_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id),
    CONSTRAINT incident_type_ck CHECK (incident_type IN ('PHYSICAL_VIOLENCE', 'SEXUAL_VIOLENCE', 'THEFT', 'POLICE_HARASSMENT',
        'EXTORTION', 'ARREST', 'STIGMA', 'OTHER')),
    CONSTRAINT incident_perpetrator_ck CHECK (perpetrator IN ('CLIENT', 'VENUE_MANAGER', 'INTIMATE_PARTNER', 'POLICE', 'OTHER'))
);
CREATE INDEX incident_date_ix ON incident (incident_date);
CREATE INDEX incident_contact_ix ON incident (contact_id);

CREATE TABLE safeguarding_screen (
    id                    UUID    NOT NULL PRIMARY KEY,
    screen_date           DATE    NOT NULL,
    contact_id            UUID,
    site_id               UUID,
    staff_id              UUID,
    debt_bondage          BOOLEAN DEFAULT FALSE NOT NULL,
    confinement           BOOLEAN DEFAULT FALSE NOT NULL,
    documents_confiscated BOOLEAN DEFAULT FALSE NOT NULL,
    extreme_control       BOOLEAN DEFAULT FALSE NOT NULL,
    under_18              BOOLEAN DEFAULT FALSE NOT NULL,
    protocol_shown        BOOLEAN DEFAULT FALSE NOT NULL,
    referral_id           UUID,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            UUID    NOT NULL,
    updated_by            UUID    NOT NULL,
    origin_device         UUID    NOT NULL,
    row_version           INTEGER DEFAULT 1 NOT NULL,
    CONSTRAINT screen_contact_fk FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT screen_site_fk FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT screen_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT screen_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id)
);
CREATE INDEX screen_date_ix ON safeguarding_screen (screen_date);
CREATE INDEX screen_contact_ix ON safeguarding_screen (contact_id);

-- Commodity stock is a ledger: receipts are positive, issues (including encounter hand-outs) negative.
CREATE TABLE commodity_movement (
    id             UUID        NOT NULL PRIMARY KEY,
    movement_date  DATE        NOT NULL,
    commodity      VARCHAR(20) NOT NULL,
    movement_kind  VARCHAR(12) NOT NULL,
    quantity       INTEGER     NOT NULL,
    team           VARCHAR(40),
    encounter_id   UUID,
    note           VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID        NOT NULL,
    updated_by     UUID        NOT NULL,
    origin_device  UUID        NOT NULL,
    row_version    INTEGER     DEFAULT 1 NOT NULL,
    CONSTRAINT movement_encounter_fk FOREIGN KEY (encounter_id) REFERENCES encounter (id) ON DELETE CASCADE,
    CONSTRAINT movement_commodity_ck CHECK (commodity IN ('MALE_CONDOM', 'FEMALE_CONDOM', 'LUBRICANT', 'HIV_SELF_TEST')),
    CONSTRAINT movement_kind_ck CHECK (movement_kind IN ('RECEIPT', 'ISSUE', 'HANDOUT', 'ADJUSTMENT'))
);
CREATE INDEX movement_commodity_ix ON commodity_movement (commodity, movement_date);
CREATE INDEX movement_encounter_ix ON commodity_movement (encounter_id);

-- Who did what to which record when: identifiers only, never content. Each entry's MAC covers the
-- previous entry's MAC, so an edited, deleted or reordered entry breaks the chain.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    id           UUID         NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id      UUID,
    user_name    VARCHAR(64),
    action       VARCHAR(30)  NOT NULL,
    record_type  VARCHAR(30),
    record_id    VARCHAR(64),
    detail       VARCHAR(400),
    origin_device UUID        NOT NULL,
    prev_mac     VARCHAR(64)  NOT NULL,
    mac          VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_id_uk UNIQUE (id)
);

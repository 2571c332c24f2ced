-- Outreach Desk: this vault's team and the team's laptops (issue 15, ADR 14 points 6 and 7). The secrets (the team
-- key, this laptop's Ed25519 private key) live only here, inside the encrypted database; never in a file in clear.
-- At most one team per vault (the one_row column).
CREATE TABLE team (
    one_row          INT          DEFAULT 1 NOT NULL PRIMARY KEY,
    id               UUID         NOT NULL,
    name             VARCHAR(100) NOT NULL,
    is_hub           BOOLEAN      NOT NULL,
    team_key         VARBINARY(32) NOT NULL,
    self_device      UUID         NOT NULL,
    signing_private  VARBINARY(128) NOT NULL,
    signing_public   VARBINARY(128) NOT NULL,
    bundles_written  BIGINT       DEFAULT 0 NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT team_one_row_ck CHECK (one_row = 1)
);

-- The laptops this vault knows in its team: on the hub every member it invited (and itself), on a member the hub
-- and itself. id is the laptop's id in the team (the hub's: its vault device id; a member's: given at invite);
-- vault_device is the laptop's own vault device id (the change log's origin), known once it sent a bundle.
-- last_vector is the version vector its newest bundle carried (opaque bytes), i.e. what it confirmed holding.
CREATE TABLE team_device (
    id               UUID         NOT NULL PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    is_hub           BOOLEAN      NOT NULL,
    public_key       VARBINARY(128) NOT NULL,
    vault_device     UUID,
    invited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    last_sent_at     TIMESTAMP WITH TIME ZONE,
    last_received_at TIMESTAMP WITH TIME ZONE,
    last_bundle_seq  BIGINT       DEFAULT 0 NOT NULL,
    last_vector      VARBINARY(1000000),
    CONSTRAINT team_device_name_uk UNIQUE (name)
);

package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.TEAM;
import static org.outreachdesk.store.jooq.Tables.TEAM_DEVICE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;

/** This vault's team and the team's laptops (schema V13). The secrets are read only through {@link #secrets()}. */
public final class TeamRepository {

    private final DSLContext dsl;

    public TeamRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The team's key and this laptop's Ed25519 key pair (X.509 public, PKCS#8 private), as stored. The arrays belong
     * to the caller, who wipes them; never logged, never in a message.
     */
    public record Secrets(byte[] teamKey, byte[] signingPublic, byte[] signingPrivate) {
    }

    public Optional<Team> team() {
        return dsl.selectFrom(TEAM).fetchOptional(r -> new Team(r.getId(), r.getName(), r.getIsHub(),
                r.getSelfDevice(), r.getCreatedAt()));
    }

    public Optional<Secrets> secrets() {
        return dsl.select(TEAM.TEAM_KEY, TEAM.SIGNING_PUBLIC, TEAM.SIGNING_PRIVATE).from(TEAM)
                .fetchOptional(r -> new Secrets(r.value1(), r.value2(), r.value3()));
    }

    /** Makes this vault part of {@code team}; fails (a primary key) when it is in one already. */
    public void createTeam(Team team, Secrets secrets) {
        dsl.insertInto(TEAM)
                .set(TEAM.ID, team.id())
                .set(TEAM.NAME, team.name())
                .set(TEAM.IS_HUB, team.hub())
                .set(TEAM.TEAM_KEY, secrets.teamKey())
                .set(TEAM.SELF_DEVICE, team.selfDevice())
                .set(TEAM.SIGNING_PUBLIC, secrets.signingPublic())
                .set(TEAM.SIGNING_PRIVATE, secrets.signingPrivate())
                .set(TEAM.CREATED_AT, team.createdAt())
                .execute();
    }

    /** How many bundles this laptop wrote (the number of the newest). */
    public long bundlesWritten() {
        return dsl.select(TEAM.BUNDLES_WRITTEN).from(TEAM).fetchOptional(r -> r.value1()).orElse(0L);
    }

    /** Records that the bundle numbered {@code number} was written (the count never goes back). */
    public void recordWritten(long number) {
        dsl.update(TEAM).set(TEAM.BUNDLES_WRITTEN, number).where(TEAM.BUNDLES_WRITTEN.lt(number)).execute();
    }

    /**
     * Moves the bundle count on by {@code gap} (a restored vault, ADR 22): its next bundle is numbered past any its
     * earlier self wrote after the backup, so the receiver takes it as the newest and its vector as what it holds.
     */
    public void skipBundleNumbers(long gap) {
        dsl.update(TEAM).set(TEAM.BUNDLES_WRITTEN, TEAM.BUNDLES_WRITTEN.plus(gap)).execute();
    }

    public void insertDevice(TeamDevice d, byte[] publicKey) {
        dsl.insertInto(TEAM_DEVICE)
                .set(TEAM_DEVICE.ID, d.id())
                .set(TEAM_DEVICE.NAME, d.name())
                .set(TEAM_DEVICE.IS_HUB, d.hub())
                .set(TEAM_DEVICE.PUBLIC_KEY, publicKey)
                .set(TEAM_DEVICE.VAULT_DEVICE, d.vaultDevice())
                .set(TEAM_DEVICE.INVITED_AT, d.invitedAt())
                .execute();
    }

    /** The laptops, the hub first, then by name. */
    public List<TeamDevice> devices() {
        return dsl.selectFrom(TEAM_DEVICE).orderBy(TEAM_DEVICE.IS_HUB.desc(), TEAM_DEVICE.NAME)
                .fetch(TeamRepository::device);
    }

    public Optional<TeamDevice> device(UUID id) {
        return dsl.selectFrom(TEAM_DEVICE).where(TEAM_DEVICE.ID.eq(id)).fetchOptional(TeamRepository::device);
    }

    public Optional<TeamDevice> deviceNamed(String name) {
        return dsl.selectFrom(TEAM_DEVICE).where(TEAM_DEVICE.NAME.equalIgnoreCase(name))
                .fetchOptional(TeamRepository::device);
    }

    public Optional<byte[]> publicKey(UUID id) {
        return dsl.select(TEAM_DEVICE.PUBLIC_KEY).from(TEAM_DEVICE).where(TEAM_DEVICE.ID.eq(id))
                .fetchOptional(r -> r.value1());
    }

    /** The version vector the device's newest bundle carried (what it confirmed holding), if one arrived. */
    public Optional<byte[]> lastVector(UUID id) {
        return dsl.select(TEAM_DEVICE.LAST_VECTOR).from(TEAM_DEVICE).where(TEAM_DEVICE.ID.eq(id))
                .fetchOptional(r -> r.value1());
    }

    /** The number of the newest bundle read from the device (0 when none). */
    public long lastBundleNumber(UUID id) {
        return dsl.select(TEAM_DEVICE.LAST_BUNDLE_SEQ).from(TEAM_DEVICE).where(TEAM_DEVICE.ID.eq(id))
                .fetchOptional(r -> r.value1()).orElse(0L);
    }

    public void revoke(UUID id, Instant at) {
        dsl.update(TEAM_DEVICE).set(TEAM_DEVICE.REVOKED_AT, at).where(TEAM_DEVICE.ID.eq(id)).execute();
    }

    public void markSent(UUID id, Instant at) {
        dsl.update(TEAM_DEVICE).set(TEAM_DEVICE.LAST_SENT_AT, at).where(TEAM_DEVICE.ID.eq(id)).execute();
    }

    /**
     * Records a bundle read from the device: when, and its laptop's vault device id. Its number and vector are kept
     * only when it is newer than the newest read so far (an old bundle read late does not take back what a newer one
     * confirmed).
     */
    public void markReceived(UUID id, Instant at, UUID vaultDevice, long bundleNumber, byte[] vector) {
        dsl.update(TEAM_DEVICE)
                .set(TEAM_DEVICE.LAST_RECEIVED_AT, at)
                .set(TEAM_DEVICE.VAULT_DEVICE, vaultDevice)
                .where(TEAM_DEVICE.ID.eq(id))
                .execute();
        dsl.update(TEAM_DEVICE)
                .set(TEAM_DEVICE.LAST_BUNDLE_SEQ, bundleNumber)
                .set(TEAM_DEVICE.LAST_VECTOR, vector)
                .where(TEAM_DEVICE.ID.eq(id).and(TEAM_DEVICE.LAST_BUNDLE_SEQ.lt(bundleNumber)))
                .execute();
    }

    private static TeamDevice device(Record r) {
        return new TeamDevice(r.get(TEAM_DEVICE.ID), r.get(TEAM_DEVICE.NAME), r.get(TEAM_DEVICE.IS_HUB),
                r.get(TEAM_DEVICE.VAULT_DEVICE), r.get(TEAM_DEVICE.INVITED_AT), r.get(TEAM_DEVICE.REVOKED_AT),
                r.get(TEAM_DEVICE.LAST_SENT_AT), r.get(TEAM_DEVICE.LAST_RECEIVED_AT));
    }
}

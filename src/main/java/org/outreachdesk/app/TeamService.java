package org.outreachdesk.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.store.TeamRepository;
import org.outreachdesk.store.Tx;
import org.outreachdesk.sync.SyncEngine;
import org.outreachdesk.vault.JoinFile;
import org.outreachdesk.vault.TeamKeys;
import org.outreachdesk.vault.VaultException;

/**
 * This vault's team (issue 15, ADR 14 point 6): admins create one (this vault becomes its hub), invite laptops (a
 * join file and its one-time code), join one with a join file, revoke a lost laptop; everyone sees the list.
 * Audited by ids only; no secret is ever in an audit entry, a message or the log.
 */
public final class TeamService {

    static final String TEAM = "team";
    static final String DEVICE = "team_device";
    /** The name the hub's own laptop has in the list. */
    public static final String HUB_NAME = "hub";
    private static final int MAX_NAME = 100;
    /** How far a restore moves the bundle count on: more bundles than a laptop writes in its life (ADR 22). */
    static final long RESTORE_BUNDLE_GAP = 1_000_000L;
    /** A member that has not read a bundle from its hub for this many days is reminded (ADR 19). */
    public static final int SYNC_REMINDER_DAYS = 14;

    private final Workspace ws;

    public TeamService(Workspace ws) {
        this.ws = Objects.requireNonNull(ws, "ws");
    }

    /** A join file written: the laptop as the hub now lists it, and the one-time code, which the caller wipes. */
    public record Invitation(TeamDevice device, Path file, char[] code) {
    }

    /** The team this vault belongs to, if any. */
    public Optional<Team> team() {
        return ws.read(Permission.RECORDS, tx -> tx.team().team());
    }

    /** The laptops this vault knows in its team, the hub first (none when it is in no team). */
    public List<TeamDevice> devices() {
        return ws.read(Permission.RECORDS, tx -> tx.team().devices());
    }

    /**
     * On a member: the calendar days (in the vault clock's zone) since it last read a bundle from its hub, or since
     * it joined when it never did; empty on the hub and in no team. Reading is what counts (ADR 19): only a bundle
     * from the hub tells this laptop that the office holds its records (the bundle's vector acknowledges them) and
     * brings the team's; a bundle written and left on a stick protects nothing.
     */
    public OptionalLong daysSinceSync() {
        return ws.read(Permission.RECORDS, tx -> {
            Optional<Team> team = tx.team().team();
            if (team.isEmpty() || team.get().hub()) {
                return OptionalLong.empty();
            }
            Instant since = tx.team().devices().stream().filter(TeamDevice::hub).map(TeamDevice::lastReceivedAt)
                    .filter(Objects::nonNull).findFirst().orElse(team.get().createdAt());
            ZoneId zone = ws.clock().getZone();
            return OptionalLong.of(ChronoUnit.DAYS.between(LocalDate.ofInstant(since, zone), ws.today()));
        });
    }

    /**
     * Makes this vault the hub of a new team named {@code name}.
     *
     * @throws InvalidInputException when this vault is in a team already, or the name is empty or too long
     */
    public Team create(String name) {
        ws.require(Permission.ADMINISTER);
        String n = name(name, "team.nameInvalid", "the team name");
        Instant now = ws.clock().instant();
        UUID self = ws.author().deviceId();
        Team team = new Team(UUID.randomUUID(), n, true, self, now);
        TeamKeys.SigningPair pair = TeamKeys.newSigningPair();
        byte[] teamKey = TeamKeys.newTeamKey();
        try {
            return ws.write(Permission.ADMINISTER, AuditAction.CREATE, TEAM, team.id().toString(), "hub", tx -> {
                if (tx.team().team().isPresent()) {
                    throw alreadyInATeam();
                }
                tx.team().createTeam(team, new TeamRepository.Secrets(teamKey, pair.publicKey(), pair.privateKey()));
                tx.team().insertDevice(new TeamDevice(self, HUB_NAME, true, self, now, null, null, null),
                        pair.publicKey());
                startChangeLog(tx, self);
                return team;
            });
        } finally {
            Arrays.fill(teamKey, (byte) 0);
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    /**
     * Starts the change log under this vault's device id (the origin every bundle names as its sender's vault) and
     * puts every record made before it into the log, so they travel in the first bundle; in the transaction that
     * creates or joins the team.
     */
    private static void startChangeLog(Tx tx, UUID vaultDevice) {
        SyncEngine.backfill(tx, vaultDevice);
        UUID logging = SyncEngine.loggingDevice(tx).orElseThrow();
        if (!logging.equals(vaultDevice)) {
            throw new InvalidInputException("this vault already keeps a change log under another laptop id; it cannot "
                    + "join or make a team").keyed("team.logDevice");
        }
    }

    /**
     * A restored team vault (ADR 22), in the restore's transaction: it stays the same laptop of the team (name, keys,
     * vault device id: the hub takes its bundles as before) but logs under a new log id, since its earlier self may
     * have sent changes made after the backup under the old one; and its bundle numbers jump past any that earlier
     * self can have written, so the receiver takes its vector (which holds less of the old log) as what it holds now
     * and sends the missing changes back. A vault in no team is left as it is.
     */
    static void afterRestore(Tx tx) {
        if (tx.team().team().isPresent() && SyncEngine.startNewLog(tx).isPresent()) {
            tx.team().skipBundleNumbers(RESTORE_BUNDLE_GAP);
        }
    }

    /**
     * On the hub: adds a laptop named {@code deviceName} and writes its join file to {@code out}. The returned code
     * opens that file alone; it is stored nowhere.
     *
     * @throws InvalidInputException when this vault is no hub, the name is taken or invalid, or the file cannot be
     *                               written (then nothing is added)
     */
    public Invitation invite(String deviceName, Path out) {
        ws.require(Permission.ADMINISTER);
        String n = name(deviceName, "team.deviceNameInvalid", "the laptop's name");
        Objects.requireNonNull(out, "out");
        Instant now = ws.clock().instant();
        UUID id = UUID.randomUUID();
        TeamDevice device = new TeamDevice(id, n, false, null, now, null, null, null);
        TeamKeys.SigningPair pair = TeamKeys.newSigningPair();
        try {
            char[] code = ws.write(Permission.ADMINISTER, AuditAction.CREATE, DEVICE, id.toString(), "invited", tx -> {
                Team team = tx.team().team().orElseThrow(TeamService::notInATeam);
                if (!team.hub()) {
                    throw new InvalidInputException("only the team's hub invites laptops").keyed("team.notHub");
                }
                if (tx.team().deviceNamed(n).isPresent()) {
                    throw new InvalidInputException("the team has a laptop of that name already; choose another")
                            .keyed("team.deviceNameTaken");
                }
                tx.team().insertDevice(device, pair.publicKey());
                TeamDevice hub = tx.team().device(team.selfDevice()).orElseThrow();
                TeamRepository.Secrets secrets = tx.team().secrets().orElseThrow();
                try {
                    return JoinFile.write(ws.vault(), out, new JoinFile.Contents(team.id(), team.name(), hub.id(),
                            hub.name(), secrets.signingPublic(), secrets.teamKey(), id, n, pair.publicKey(),
                            pair.privateKey()));
                } catch (VaultException e) {
                    throw InvalidInputException.of(e);
                } finally {
                    Arrays.fill(secrets.teamKey(), (byte) 0);
                    Arrays.fill(secrets.signingPrivate(), (byte) 0);
                }
            });
            return new Invitation(device, out, code);
        } finally {
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    /**
     * A join file opened with its code, not yet used: what the person is about to join (team, hub and laptop names),
     * checked before anything is created (the first-run screen opens the file, then creates the vault, then joins).
     * Holds the file's secrets in memory until {@link #close()}, which wipes them.
     */
    public static final class JoinTicket implements AutoCloseable {
        private final JoinFile.Contents contents;

        private JoinTicket(JoinFile.Contents contents) {
            this.contents = contents;
        }

        public String teamName() {
            return contents.teamName();
        }

        public String hubName() {
            return contents.hubName();
        }

        /** The name the hub gave this laptop. */
        public String deviceName() {
            return contents.deviceName();
        }

        @Override
        public void close() {
            Arrays.fill(contents.teamKey(), (byte) 0);
            Arrays.fill(contents.devicePrivateKey(), (byte) 0);
        }
    }

    /**
     * Opens the join file {@code file} with its one-time {@code code} (no vault needed; the caller closes the ticket).
     *
     * @throws InvalidInputException keyed {@code join.wrongCode} when the code does not open the file,
     *                               {@code join.damaged} when it is no join file this version reads,
     *                               {@code join.unreadable} when it cannot be read
     */
    public static JoinTicket openJoinFile(Path file, char[] code) {
        Objects.requireNonNull(file, "file");
        try {
            return new JoinTicket(JoinFile.read(file, code));
        } catch (VaultException e) {
            throw InvalidInputException.of(e);
        }
    }

    /**
     * Makes this vault a member of the team in the join file {@code file}, opened with its one-time {@code code}.
     *
     * @throws InvalidInputException keyed {@code join.wrongCode} when the code does not open the file, or when this
     *                               vault is in a team already or the file is no join file (nothing changed)
     */
    public Team join(Path file, char[] code) {
        ws.require(Permission.ADMINISTER);
        if (team().isPresent()) {
            throw alreadyInATeam();
        }
        try (JoinTicket ticket = openJoinFile(file, code)) {
            return join(ticket);
        }
    }

    /**
     * Makes this vault a member of the team of an opened join file, in one transaction (nothing stored when it
     * fails). The ticket stays the caller's to close.
     *
     * @throws InvalidInputException when this vault is in a team already (nothing changed)
     */
    public Team join(JoinTicket ticket) {
        ws.require(Permission.ADMINISTER);
        JoinFile.Contents c = ticket.contents;
        Instant now = ws.clock().instant();
        UUID vaultDevice = ws.author().deviceId();
        Team team = new Team(c.teamId(), c.teamName(), false, c.device(), now);
        return ws.write(Permission.ADMINISTER, AuditAction.CREATE, TEAM, team.id().toString(), "joined as member "
                + c.device(), tx -> {
                    if (tx.team().team().isPresent()) {
                        throw alreadyInATeam();
                    }
                    tx.team().createTeam(team, new TeamRepository.Secrets(c.teamKey(), c.devicePublicKey(),
                            c.devicePrivateKey()));
                    tx.team().insertDevice(new TeamDevice(c.hubDevice(), c.hubName(), true, c.hubDevice(), now,
                            null, null, null), c.hubPublicKey());
                    tx.team().insertDevice(new TeamDevice(c.device(), c.deviceName(), false, vaultDevice, now,
                            null, null, null), c.devicePublicKey());
                    startChangeLog(tx, vaultDevice);
                    return team;
                });
    }

    /**
     * On the hub: refuses the named laptop's bundles from now on (a lost or stolen laptop).
     *
     * @throws InvalidInputException when this vault is no hub or no such laptop is in the team
     */
    public TeamDevice revoke(String deviceName) {
        ws.require(Permission.ADMINISTER);
        TeamDevice d = ws.read(Permission.ADMINISTER, tx -> {
            Team team = tx.team().team().orElseThrow(TeamService::notInATeam);
            if (!team.hub()) {
                throw new InvalidInputException("only the team's hub revokes laptops").keyed("team.notHub");
            }
            return tx.team().deviceNamed(deviceName == null ? "" : deviceName.strip()).filter(x -> !x.hub())
                    .orElseThrow(() -> new InvalidInputException("the team has no member laptop of that name")
                            .keyed("team.noSuchDevice"));
        });
        if (d.revoked()) {
            return d;
        }
        Instant now = ws.clock().instant();
        return ws.write(Permission.ADMINISTER, AuditAction.UPDATE, DEVICE, d.id().toString(), "revoked", tx -> {
            tx.team().revoke(d.id(), now);
            return tx.team().device(d.id()).orElseThrow();
        });
    }

    private static String name(String name, String key, String what) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " must be 1 to " + MAX_NAME + " characters on one line").keyed(key);
        }
        return n;
    }

    static InvalidInputException notInATeam() {
        return (InvalidInputException) new InvalidInputException("this vault is not in a team: create one on the hub "
                + "(team create) or join one with a join file (team join)").keyed("team.none");
    }

    private static InvalidInputException alreadyInATeam() {
        return (InvalidInputException) new InvalidInputException("this vault is in a team already")
                .keyed("team.already");
    }
}

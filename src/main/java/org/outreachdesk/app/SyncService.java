package org.outreachdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.outreachdesk.app.BundleRefusedException.Reason;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.store.TeamRepository;
import org.outreachdesk.sync.SyncFormatException;
import org.outreachdesk.vault.BundleDamagedException;
import org.outreachdesk.vault.SyncBundle;
import org.outreachdesk.vault.VaultException;

/**
 * Sync bundles (issue 15, ADR 14 points 6 and 7) for everyone: write one for the other side (a member for its hub,
 * the hub for a named member) and read one. Reading checks everything (the team, sender and receiver, revocation,
 * the version, every tag and the signature) before the change feed sees a byte; a refused bundle changes nothing.
 * The changes themselves come from, and go to, a {@link ChangeFeed}.
 */
public final class SyncService {

    static final String BUNDLE = "sync_bundle";

    private final Workspace ws;
    private final ChangeFeed feed;

    public SyncService(Workspace ws, ChangeFeed feed) {
        this.ws = Objects.requireNonNull(ws, "ws");
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    /** A bundle written. */
    public record Exported(Path file, long bytes, String receiver, long number) {
    }

    /** A bundle read and applied. */
    public record Imported(String sender, long number, ChangeFeed.Applied counts) {
    }

    /**
     * Writes a bundle with every change the receiver has not confirmed: on a member for the hub ({@code toDevice}
     * may be null, or must name the hub), on the hub for the member named {@code toDevice}.
     *
     * @throws InvalidInputException when this vault is in no team, the receiver is unknown or revoked, or the file
     *                               cannot be written
     */
    public Exported export(Path out, String toDevice) {
        ws.require(Permission.RECORDS);
        Objects.requireNonNull(out, "out");
        record Plan(Team team, TeamDevice receiver, byte[] receiverVector, long number, TeamRepository.Secrets secrets) {
        }
        Plan plan = ws.read(Permission.RECORDS, tx -> {
            Team team = tx.team().team().orElseThrow(TeamService::notInATeam);
            TeamDevice receiver = receiver(tx.team(), team, toDevice);
            return new Plan(team, receiver, tx.team().lastVector(receiver.id()).orElse(new byte[0]),
                    tx.team().bundlesWritten() + 1, tx.team().secrets().orElseThrow());
        });
        long bytes;
        try {
            // the vector first: it may only claim less than the changes written after it, never more
            byte[] vector = feed.vector();
            SyncBundle.Header header = new SyncBundle.Header(AppInfo.version(), plan.team().id(),
                    plan.team().selfDevice(), ws.author().deviceId(), plan.receiver().id(), plan.number(),
                    ws.clock().instant(), vector);
            bytes = SyncBundle.write(out, header, plan.secrets().teamKey(), plan.secrets().signingPrivate(),
                    stream -> feed.writeChanges(plan.receiverVector(), stream));
        } catch (VaultException e) {
            throw InvalidInputException.of(e);
        } finally {
            Arrays.fill(plan.secrets().teamKey(), (byte) 0);
            Arrays.fill(plan.secrets().signingPrivate(), (byte) 0);
        }
        Instant now = ws.clock().instant();
        ws.write(Permission.RECORDS, AuditAction.EXPORT, BUNDLE, plan.receiver().id().toString(),
                "bundle " + plan.number() + " written, " + bytes + " bytes", tx -> {
                    tx.team().recordWritten(plan.number());
                    tx.team().markSent(plan.receiver().id(), now);
                    return null;
                });
        return new Exported(out, bytes, plan.receiver().name(), plan.number());
    }

    private static TeamDevice receiver(TeamRepository repo, Team team, String toDevice) {
        String to = toDevice == null ? "" : toDevice.strip();
        if (!team.hub()) {
            TeamDevice hub = repo.devices().stream().filter(TeamDevice::hub).findFirst().orElseThrow();
            if (!to.isEmpty() && !to.equalsIgnoreCase(hub.name())) {
                throw new InvalidInputException("a member writes bundles only for its hub (" + hub.name() + ")")
                        .keyed("sync.memberWritesForHub", hub.name());
            }
            return hub;
        }
        if (to.isEmpty()) {
            throw new InvalidInputException("on the hub, name the member laptop the bundle is for (--to)")
                    .keyed("sync.receiverNeeded");
        }
        TeamDevice d = repo.deviceNamed(to).filter(x -> !x.hub()).orElseThrow(() ->
                new InvalidInputException("the team has no member laptop of that name").keyed("team.noSuchDevice"));
        if (d.revoked()) {
            throw new InvalidInputException("that laptop was revoked; no bundle is written for it")
                    .keyed("sync.receiverRevoked");
        }
        return d;
    }

    /**
     * Reads the bundle {@code file}: checks it whole, then applies its changes in one transaction.
     *
     * @throws BundleRefusedException when it is refused (its {@link BundleRefusedException#reason()} says why);
     *                                nothing was changed
     */
    public Imported importBundle(Path file) {
        ws.require(Permission.RECORDS);
        record Local(Team team, TeamRepository.Secrets secrets) {
        }
        Local local = ws.read(Permission.RECORDS, tx -> {
            Optional<Team> team = tx.team().team();
            return team.map(t -> new Local(t, tx.team().secrets().orElseThrow())).orElse(null);
        });
        if (local == null) {
            throw new BundleRefusedException(Reason.NOT_IN_A_TEAM, "this vault is not in a team, so it reads no bundle");
        }
        try {
            SyncBundle.Reader reader;
            try {
                reader = SyncBundle.open(file, AppInfo.version());
            } catch (BundleDamagedException e) {
                throw refused(e);
            } catch (VaultException e) {
                throw InvalidInputException.of(e);
            }
            SyncBundle.Header h = reader.header();
            TeamDevice sender = check(local.team(), h);
            byte[] publicKey = ws.read(Permission.RECORDS, tx -> tx.team().publicKey(sender.id()).orElseThrow());
            ChangeFeed.Applied counts;
            try {
                reader.verify(local.secrets().teamKey(), publicKey);
                try (InputStream payload = reader.payload(local.secrets().teamKey())) {
                    counts = feed.apply(payload);
                }
            } catch (BundleDamagedException e) {
                throw refused(e);
            } catch (VaultException e) {
                throw InvalidInputException.of(e);
            } catch (SyncFormatException e) {
                // signed by a laptop of the team, yet its changes do not read: the feed's transaction rolled back
                throw new BundleRefusedException(e.isNewerFormat()
                        ? Reason.NEWER_VERSION : Reason.DAMAGED,
                        "the bundle's changes cannot be read (" + e.getMessage() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Instant now = ws.clock().instant();
            ws.write(Permission.RECORDS, AuditAction.IMPORT, BUNDLE, sender.id().toString(), "bundle " + h.number()
                    + ": " + counts.applied() + " applied, " + counts.alreadyPresent() + " already present, "
                    + counts.inConflict() + " in conflict", tx -> {
                        tx.team().markReceived(sender.id(), now, h.senderVault(), h.number(), h.vector());
                        return null;
                    });
            return new Imported(sender.name(), h.number(), counts);
        } finally {
            Arrays.fill(local.secrets().teamKey(), (byte) 0);
            Arrays.fill(local.secrets().signingPrivate(), (byte) 0);
        }
    }

    /** The checks on the clear header, before any cryptography: they name the sender whose key verifies the rest. */
    private TeamDevice check(Team team, SyncBundle.Header h) {
        if (!h.teamId().equals(team.id())) {
            throw new BundleRefusedException(Reason.OTHER_TEAM, "the bundle belongs to another team");
        }
        if (h.sender().equals(team.selfDevice())) {
            throw new BundleRefusedException(Reason.OWN_BUNDLE, "the bundle was written by this laptop");
        }
        Optional<TeamDevice> known = ws.read(Permission.RECORDS, tx -> tx.team().device(h.sender()));
        if (!team.hub() && known.map(d -> !d.hub()).orElse(true)) {
            throw new BundleRefusedException(Reason.NOT_FROM_HUB, "the bundle was written by another member laptop; "
                    + "a member reads only its hub's bundles");
        }
        if (!h.receiver().equals(team.selfDevice())) {
            throw new BundleRefusedException(Reason.NOT_FOR_THIS_LAPTOP, "the bundle was written for another laptop");
        }
        TeamDevice sender = known.orElseThrow(() -> new BundleRefusedException(Reason.UNKNOWN_SENDER,
                "the bundle comes from a laptop this hub never invited"));
        if (sender.revoked()) {
            throw new BundleRefusedException(Reason.REVOKED_SENDER, "the bundle comes from a laptop that was revoked ("
                    + sender.name() + ")");
        }
        if (sender.vaultDevice() != null && !sender.vaultDevice().equals(h.senderVault())) {
            throw new BundleRefusedException(Reason.JOIN_FILE_USED_ELSEWHERE, "the bundle comes from another laptop "
                    + "than the one that joined as " + sender.name() + " (its join file was used twice)");
        }
        return sender;
    }

    private static BundleRefusedException refused(BundleDamagedException e) {
        Reason r = switch (e.kind()) {
            case NOT_A_BUNDLE -> Reason.NOT_A_BUNDLE;
            case NEWER_VERSION -> Reason.NEWER_VERSION;
            case DAMAGED -> Reason.DAMAGED;
        };
        BundleRefusedException refused = new BundleRefusedException(r, e.getMessage().replace("; nothing was changed",
                ""));
        refused.keyedLike(e);
        return refused;
    }

    /** Unresolved conflicts (coordinators and above). */
    public List<ChangeFeed.Conflict> conflicts() {
        ws.require(Permission.COORDINATE);
        return feed.conflicts();
    }
}

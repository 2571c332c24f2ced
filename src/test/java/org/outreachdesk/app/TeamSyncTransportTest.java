package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BundleRefusedException.Reason;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;

/**
 * The team and its bundles on real encrypted vaults: a hub and members joining with join files, bundles carried both
 * ways, and every refusal leaving the reader's vault byte for byte as it was (and its change feed untouched).
 */
class TeamSyncTransportTest {

    @TempDir
    Path dir;

    private Workspace hub;
    private Workspace laptop1;
    private final List<Workspace> open = new ArrayList<>();

    /** A change feed that writes given bytes and records what it was handed; no change log involved. */
    static final class RecordingFeed implements ChangeFeed {
        final byte[] vector;
        final byte[] changes;
        final List<byte[]> receiverVectors = new ArrayList<>();
        final List<byte[]> applied = new ArrayList<>();

        RecordingFeed(String vector, byte[] changes) {
            this.vector = vector.getBytes(StandardCharsets.US_ASCII);
            this.changes = changes;
        }

        @Override
        public byte[] vector() {
            return vector.clone();
        }

        @Override
        public void writeChanges(byte[] receiverVector, OutputStream out) throws IOException {
            receiverVectors.add(receiverVector);
            out.write(changes);
        }

        @Override
        public Applied apply(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            applied.add(all);
            return new Applied(all.length, 1, 2);
        }

        @Override
        public List<Conflict> conflicts() {
            return List.of();
        }
    }

    private Workspace vault(String name, Role role) {
        Workspace ws = TestWorkspaces.as(role, dir.resolve(name));
        open.add(ws);
        return ws;
    }

    private static char[] join(Workspace hub, Workspace member, String name, Path file) {
        TeamService.Invitation inv = new TeamService(hub).invite(name, file);
        new TeamService(member).join(file, inv.code());
        return inv.code();
    }

    @BeforeEach
    void aHubAndOneMember() {
        hub = vault("hub", Role.ADMIN);
        laptop1 = vault("laptop1", Role.ADMIN);
        new TeamService(hub).create("Pursat outreach");
        join(hub, laptop1, "laptop 1", dir.resolve("laptop1.odjoin"));
    }

    @AfterEach
    void close() {
        open.forEach(Workspace::close);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aMemberJoinsAndBundlesTravelBothWaysCarryingTheirBytesAndVectors() {
        Team team = new TeamService(laptop1).team().orElseThrow();
        assertThat(team.hub()).isFalse();
        assertThat(team.name()).isEqualTo("Pursat outreach");
        assertThat(team.id()).isEqualTo(new TeamService(hub).team().orElseThrow().id());
        assertThat(new TeamService(hub).devices()).extracting(TeamDevice::name).containsExactly("hub", "laptop 1");
        assertThat(new TeamService(laptop1).devices()).extracting(TeamDevice::name).containsExactly("hub", "laptop 1");

        byte[] memberChanges = randomBytes(3 << 20, 1); // three chunks and more
        RecordingFeed memberFeed = new RecordingFeed("member-vector-1", memberChanges);
        Path up = dir.resolve("up.odsync");
        SyncService.Exported e = new SyncService(laptop1, memberFeed).export(up, null);
        assertThat(e.receiver()).isEqualTo("hub");
        assertThat(e.number()).isEqualTo(1);
        assertThat(memberFeed.receiverVectors).singleElement().satisfies(v -> assertThat(v).isEmpty());

        RecordingFeed hubFeed = new RecordingFeed("hub-vector-1", "hub changes".getBytes(StandardCharsets.US_ASCII));
        SyncService.Imported i = new SyncService(hub, hubFeed).importBundle(up);
        assertThat(i.sender()).isEqualTo("laptop 1");
        assertThat(i.counts()).isEqualTo(new ChangeFeed.Applied(memberChanges.length, 1, 2));
        assertThat(hubFeed.applied).singleElement().satisfies(b -> assertThat(b).isEqualTo(memberChanges));

        // the hub writes for the member what it lacks given the vector the member's bundle carried
        Path down = dir.resolve("down.odsync");
        new SyncService(hub, hubFeed).export(down, "laptop 1");
        assertThat(new String(hubFeed.receiverVectors.get(0), StandardCharsets.US_ASCII)).isEqualTo("member-vector-1");
        new SyncService(laptop1, memberFeed).importBundle(down);
        assertThat(new String(memberFeed.applied.get(0), StandardCharsets.US_ASCII)).isEqualTo("hub changes");

        TeamDevice seen = new TeamService(hub).devices().get(1);
        assertThat(seen.lastReceivedAt()).isNotNull();
        assertThat(seen.lastSentAt()).isNotNull();
        assertThat(seen.vaultDevice()).isEqualTo(laptop1.author().deviceId());

        // audited by ids: the team, the invited laptop, the bundles written and read
        List<AuditEntry> audit = hub.vault().database().read(tx -> tx.audit().latest(50));
        assertThat(audit).extracting(a -> a.action() + " " + a.recordType() + " " + a.recordId())
                .contains("CREATE team " + team.id(), "CREATE team_device " + seen.id(),
                        "IMPORT sync_bundle " + seen.id(), "EXPORT sync_bundle " + seen.id());
        assertThat(audit).filteredOn(a -> a.action() == AuditAction.IMPORT).first()
                .satisfies(a -> assertThat(a.detail()).isEqualTo("bundle 1: " + memberChanges.length
                        + " applied, 1 already present, 2 in conflict"));

        // an old bundle read after a newer one does not take back what the newer one confirmed
        RecordingFeed later = new RecordingFeed("member-vector-2", new byte[0]);
        Path up2 = dir.resolve("up2.odsync");
        new SyncService(laptop1, later).export(up2, null);
        new SyncService(hub, hubFeed).importBundle(up2);
        new SyncService(hub, hubFeed).importBundle(up);
        new SyncService(hub, hubFeed).export(down, "laptop 1");
        assertThat(new String(hubFeed.receiverVectors.get(1), StandardCharsets.US_ASCII)).isEqualTo("member-vector-2");
    }

    /** Every file of the vault folder and its SHA-256. */
    private static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private void refusedUnchanged(Workspace reader, Path bundle, Reason reason, String message) throws Exception {
        RecordingFeed feed = new RecordingFeed("v", new byte[0]);
        Map<String, String> before = hashes(reader.folder());
        assertThatThrownBy(() -> new SyncService(reader, feed).importBundle(bundle))
                .isInstanceOf(BundleRefusedException.class)
                .hasMessageContaining(message).hasMessageContaining("nothing was changed")
                .satisfies(x -> assertThat(((BundleRefusedException) x).reason()).isEqualTo(reason));
        assertThat(feed.applied).as("the feed saw no byte").isEmpty();
        assertThat(hashes(reader.folder())).as("the vault is byte for byte as it was").isEqualTo(before);
    }

    private Path memberBundle(Workspace member, String name) {
        Path file = dir.resolve(name);
        new SyncService(member, new RecordingFeed("v", randomBytes(200_000, 2))).export(file, null);
        return file;
    }

    @Test
    void aFlippedByteOrACutOffFileIsRefusedAndChangesNothing() throws Exception {
        Path good = memberBundle(laptop1, "up.odsync");
        byte[] bytes = Files.readAllBytes(good);
        Path flipped = dir.resolve("flipped.odsync");
        byte[] bad = bytes.clone();
        bad[bytes.length / 2] ^= 0x40;
        Files.write(flipped, bad);
        refusedUnchanged(hub, flipped, Reason.DAMAGED, "damaged");

        Path cut = dir.resolve("cut.odsync");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        refusedUnchanged(hub, cut, Reason.DAMAGED, "cut off");

        Path newer = dir.resolve("newer.odsync");
        String header = new String(bytes, 0, 600, StandardCharsets.ISO_8859_1);
        int at = header.indexOf("program.version=") + "program.version=".length();
        byte[] renumbered = bytes.clone();
        renumbered[at] = '9'; // 0.1.0-SNAPSHOT becomes 9.1.0-SNAPSHOT: a bundle of a newer program
        Files.write(newer, renumbered);
        refusedUnchanged(hub, newer, Reason.NEWER_VERSION, "needs Outreach Desk version 9.");

        // the good one still reads
        assertThat(new SyncService(hub, new RecordingFeed("v", new byte[0])).importBundle(good).sender())
                .isEqualTo("laptop 1");
    }

    @Test
    void anotherTeamsBundleIsRefused() throws Exception {
        Workspace otherHub = vault("other-hub", Role.ADMIN);
        Workspace otherMember = vault("other-member", Role.ADMIN);
        new TeamService(otherHub).create("Battambang outreach");
        join(otherHub, otherMember, "laptop 1", dir.resolve("other.odjoin"));
        refusedUnchanged(hub, memberBundle(otherMember, "other.odsync"), Reason.OTHER_TEAM, "another team");
    }

    @Test
    void aRevokedLaptopsBundleIsRefused() throws Exception {
        Path before = memberBundle(laptop1, "written-before.odsync");
        TeamDevice revoked = new TeamService(hub).revoke("laptop 1");
        assertThat(revoked.revoked()).isTrue();
        refusedUnchanged(hub, before, Reason.REVOKED_SENDER, "revoked");
        refusedUnchanged(hub, memberBundle(laptop1, "written-after.odsync"), Reason.REVOKED_SENDER, "revoked");
        assertThatThrownBy(() -> new SyncService(hub, new RecordingFeed("v", new byte[0]))
                .export(dir.resolve("x.odsync"), "laptop 1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMembersBundleReadByAnotherMemberIsRefused() throws Exception {
        Workspace laptop2 = vault("laptop2", Role.ADMIN);
        join(hub, laptop2, "laptop 2", dir.resolve("laptop2.odjoin"));
        refusedUnchanged(laptop2, memberBundle(laptop1, "from-1.odsync"), Reason.NOT_FROM_HUB, "another member");
        // and the hub's bundle for one member is not for the other
        Path forOne = dir.resolve("for-1.odsync");
        new SyncService(hub, new RecordingFeed("v", new byte[0])).export(forOne, "laptop 1");
        refusedUnchanged(laptop2, forOne, Reason.NOT_FOR_THIS_LAPTOP, "another laptop");
        // nor does the hub read a bundle it wrote itself
        refusedUnchanged(hub, forOne, Reason.OWN_BUNDLE, "this laptop");
    }

    @Test
    void aJoinCodeOpensOnlyItsOwnFileOnceAndAWrongOneChangesNothing() throws Exception {
        Workspace laptop2 = vault("laptop2", Role.ADMIN);
        Workspace laptop3 = vault("laptop3", Role.ADMIN);
        Path file2 = dir.resolve("laptop2.odjoin");
        Path file3 = dir.resolve("laptop3.odjoin");
        TeamService.Invitation inv2 = new TeamService(hub).invite("laptop 2", file2);
        TeamService.Invitation inv3 = new TeamService(hub).invite("laptop 3", file3);
        assertThat(new String(inv2.code())).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
        assertThat(inv2.code()).isNotEqualTo(inv3.code());

        Map<String, String> before = hashes(laptop2.folder());
        assertThatThrownBy(() -> new TeamService(laptop2).join(file2, inv3.code()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("join code");
        assertThatThrownBy(() -> new TeamService(laptop2).join(file2, "AAAA-BBBB-CCCC-DDDD-EEEE".toCharArray()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("join code");
        assertThat(hashes(laptop2.folder())).isEqualTo(before);
        assertThat(new TeamService(laptop2).team()).isEmpty();

        // typed in lower case with blanks: the same code
        new TeamService(laptop2).join(file2, new String(inv2.code()).toLowerCase().replace('-', ' ').toCharArray());
        assertThat(new TeamService(laptop2).team()).isPresent();
        // used again: on the same vault refused; on another vault its bundles are refused by the hub
        assertThatThrownBy(() -> new TeamService(laptop2).join(file2, inv2.code()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("in a team already");
        new SyncService(hub, new RecordingFeed("v", new byte[0])).importBundle(memberBundle(laptop2, "from-2.odsync"));
        new TeamService(laptop3).join(file2, inv2.code());
        refusedUnchanged(hub, memberBundle(laptop3, "from-copy.odsync"), Reason.JOIN_FILE_USED_ELSEWHERE,
                "join file was used twice");
    }

    @Test
    void theTeamKeyAndPrivateKeysAreInNoFileInClear() throws Exception {
        Path up = memberBundle(laptop1, "up.odsync");
        new SyncService(hub, new RecordingFeed("v", new byte[0])).importBundle(up);
        List<byte[]> secrets = new ArrayList<>();
        for (Workspace ws : List.of(hub, laptop1)) {
            var s = ws.vault().database().read(tx -> tx.team().secrets()).orElseThrow();
            secrets.add(s.teamKey());
            secrets.add(s.signingPrivate());
            secrets.add(Arrays.copyOfRange(s.signingPrivate(), s.signingPrivate().length - 32,
                    s.signingPrivate().length)); // the raw Ed25519 seed inside PKCS#8
        }
        assertThat(secrets.get(0)).isEqualTo(secrets.get(3)).hasSize(32); // one team key on both laptops
        hub.vault().database().checkpoint();
        laptop1.vault().database().checkpoint();
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(dir)) {
            try (var all = Files.walk(folder)) {
                all.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            for (byte[] secret : secrets) {
                for (byte[] form : List.of(secret, Base64.getEncoder().encode(secret),
                        HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII))) {
                    assertThat(indexOf(content, form)).as("%s holds a secret", dir.relativize(f)).isNegative();
                }
            }
        }
    }

    @Test
    void onlyAdminsFormTheTeamAndEveryoneSeesIt() {
        Workspace worker = TestWorkspaces.as(Role.OUTREACH_WORKER, dir.resolve("worker"));
        open.add(worker);
        assertThatThrownBy(() -> new TeamService(worker).create("x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new TeamService(worker).join(dir.resolve("laptop1.odjoin"), "x".toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(new TeamService(worker).devices()).isEmpty();
        assertThatThrownBy(() -> new TeamService(laptop1).invite("laptop 9", dir.resolve("9.odjoin")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hub");
        assertThatThrownBy(() -> new TeamService(hub).invite("laptop 1", dir.resolve("again.odjoin")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name already");
        assertThatThrownBy(() -> new TeamService(hub).create("second")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in a team already");
        assertThatThrownBy(() -> new SyncService(worker, new RecordingFeed("v", new byte[0]))
                .export(dir.resolve("w.odsync"), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not in a team");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

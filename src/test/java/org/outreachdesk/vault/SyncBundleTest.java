package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle file on its own: what is written is what is read, and any change to the file is refused. */
class SyncBundleTest {

    private static final int SMALL_CHUNKS = 4096;

    @TempDir
    Path dir;

    private final byte[] teamKey = TeamKeys.newTeamKey();
    private final TeamKeys.SigningPair sender = TeamKeys.newSigningPair();
    private final SyncBundle.Header header = new SyncBundle.Header("0.1.0", UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), 7, Instant.parse("2026-10-20T08:00:00Z"),
            "vector bytes".getBytes(StandardCharsets.US_ASCII));

    /** 100 KB that deflate cannot shrink, so the payload spans many 4 KiB chunks. */
    private static byte[] payload() {
        byte[] b = new byte[100_000];
        new Random(15).nextBytes(b);
        return b;
    }

    private Path written(byte[] payload) {
        Path file = dir.resolve("for-hub.odsync");
        SyncBundle.write(file, header, teamKey, sender.privateKey(), out -> out.write(payload), SMALL_CHUNKS);
        return file;
    }

    private byte[] readBack(Path file, byte[] key, byte[] publicKey) throws IOException {
        SyncBundle.Reader r = SyncBundle.open(file, "0.1.0");
        r.verify(key, publicKey);
        try (InputStream in = r.payload(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void whatIsWrittenIsReadWithItsHeader() throws Exception {
        byte[] payload = payload();
        Path file = written(payload);
        SyncBundle.Header read = SyncBundle.open(file, "0.1.0").header();
        assertThat(read.teamId()).isEqualTo(header.teamId());
        assertThat(read.sender()).isEqualTo(header.sender());
        assertThat(read.senderVault()).isEqualTo(header.senderVault());
        assertThat(read.receiver()).isEqualTo(header.receiver());
        assertThat(read.number()).isEqualTo(7);
        assertThat(read.createdAt()).isEqualTo(header.createdAt());
        assertThat(read.vector()).isEqualTo(header.vector());
        assertThat(readBack(file, teamKey, sender.publicKey())).isEqualTo(payload);
        // only the finished file is left in the folder, and the payload is not in it in clear
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("for-hub.odsync");
        }
        assertThat(indexOf(Files.readAllBytes(file), Arrays.copyOf(payload, 32))).isNegative();
    }

    @Test
    void theClearHeaderHoldsOnlyIdsVersionsTheVectorAndTheAlgorithms() throws Exception {
        byte[] file = Files.readAllBytes(written(new byte[0]));
        int length = ByteBuffer.wrap(file, 10, 4).getInt();
        var lines = BackupEnvelope.parseLines(Arrays.copyOfRange(file, 14, 14 + length));
        assertThat(lines.keySet()).containsExactly("format", "program.version", "team.id", "sender", "sender.vault",
                "receiver", "bundle.number", "created.at", "vector", "salt", "payload.kdf", "payload.cipher",
                "payload.compression", "chunk.size", "signature");
    }

    @Test
    void aWriterKilledHalfWayLeavesAHiddenPartialThatTheNextWriteRemoves() throws Exception {
        Path leftOver = dir.resolve(".for-hub.odsync.0000.partial");
        Files.write(leftOver, new byte[100]);
        written(new byte[] {1});
        assertThat(leftOver).doesNotExist();
    }

    @Test
    void anEmptyPayloadIsABundleToo() throws Exception {
        Path file = written(new byte[0]);
        assertThat(readBack(file, teamKey, sender.publicKey())).isEmpty();
    }

    @Test
    void aFlippedByteAnywhereIsRefused() throws Exception {
        Path file = written(payload());
        byte[] good = Files.readAllBytes(file);
        // the header (after the magic), the first chunk's length, a chunk's middle, the last tag, the signature
        int headerEnd = indexOf(good, "signature=ed25519\n".getBytes(StandardCharsets.US_ASCII)) + 18;
        int[] positions = {20, headerEnd + 2, headerEnd + 5000, good.length - SyncBundle.SIGNATURE_BYTES - 3,
            good.length - 10};
        for (int pos : positions) {
            byte[] bad = good.clone();
            bad[pos] ^= 0x01;
            Files.write(file, bad);
            assertThatThrownBy(() -> readBack(file, teamKey, sender.publicKey())).as("byte %d", pos)
                    .isInstanceOfAny(BundleDamagedException.class);
        }
    }

    @Test
    void aFileCutOffAnywhereIsRefused() throws Exception {
        Path file = written(payload());
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {5, 40, good.length / 2, good.length - SyncBundle.SIGNATURE_BYTES,
            good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));
            assertThatThrownBy(() -> readBack(file, teamKey, sender.publicKey())).as("length %d", length)
                    .isInstanceOf(BundleDamagedException.class);
        }
    }

    @Test
    void anotherSignerOrAnotherTeamKeyIsRefused() {
        Path file = written(payload());
        TeamKeys.SigningPair other = TeamKeys.newSigningPair();
        assertThatThrownBy(() -> readBack(file, teamKey, other.publicKey()))
                .isInstanceOf(BundleDamagedException.class);
        assertThatThrownBy(() -> readBack(file, TeamKeys.newTeamKey(), sender.publicKey()))
                .isInstanceOf(BundleDamagedException.class);
    }

    @Test
    void aBundleOfANewerProgramNamesTheVersionItNeeds() {
        SyncBundle.Header newer = new SyncBundle.Header("0.10.2", header.teamId(), header.sender(),
                header.senderVault(), header.receiver(), 1, header.createdAt(), new byte[0]);
        Path file = dir.resolve("newer.odsync");
        SyncBundle.write(file, newer, teamKey, sender.privateKey(), out -> { }, SMALL_CHUNKS);
        assertThatThrownBy(() -> SyncBundle.open(file, "0.9.7-SNAPSHOT"))
                .isInstanceOf(BundleDamagedException.class)
                .hasMessageContaining("needs Outreach Desk version 0.10.2 or newer")
                .extracting(e -> ((BundleDamagedException) e).kind()).isEqualTo(BundleDamagedException.Kind.NEWER_VERSION);
        assertThat(SyncBundle.open(file, "0.10.2").header().number()).isEqualTo(1);
    }

    @Test
    void aNewerFormatIsRefusedNamingTheVersion() throws Exception {
        Path file = written(new byte[0]);
        byte[] b = Files.readAllBytes(file);
        b[9] = 2; // format u16 after the 8-byte magic
        Files.write(file, b);
        assertThatThrownBy(() -> SyncBundle.open(file, "0.1.0")).isInstanceOf(BundleDamagedException.class)
                .hasMessageContaining("newer version");
    }

    @Test
    void anotherFileIsNoBundle() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> SyncBundle.open(file, "0.1.0")).isInstanceOf(BundleDamagedException.class)
                .extracting(e -> ((BundleDamagedException) e).kind()).isEqualTo(BundleDamagedException.Kind.NOT_A_BUNDLE);
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(SyncBundle.compareVersions("0.10.0", "0.9.3")).isPositive();
        assertThat(SyncBundle.compareVersions("0.1.0-SNAPSHOT", "0.1.0")).isZero();
        assertThat(SyncBundle.compareVersions("1.2", "1.2.1")).isNegative();
    }

    @Test
    void aWriterThatFailsLeavesNoFileAndKeepsTheOldOne() throws Exception {
        Path file = written(new byte[] {1, 2, 3});
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> SyncBundle.write(file, header, teamKey, sender.privateKey(), out -> {
            out.write(new byte[10_000]);
            throw new IOException("stick pulled");
        }, SMALL_CHUNKS)).isInstanceOf(VaultException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("for-hub.odsync");
        }
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

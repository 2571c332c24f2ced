package org.outreachdesk.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.sync.SyncEngine;

/**
 * The change feed of a vault's change log (ADR 14 points 1 to 5): {@link SyncEngine} behind the transport. The
 * vector travels as bytes (a count, then per origin device its id and highest sequence, in id order); changes are
 * streamed from the log in a read transaction and applied in one audited write transaction. The transport deflates
 * and seals the stream, so nothing here compresses.
 */
final class LogChangeFeed implements ChangeFeed {

    /** The audit record type of an applied change stream (the bundle's own entry follows it with the counts). */
    static final String CHANGES = "change_log";
    private static final int MAX_DEVICES = 1_000_000;

    private final Workspace ws;

    LogChangeFeed(Workspace ws) {
        this.ws = ws;
    }

    @Override
    public byte[] vector() {
        return encode(ws.read(Permission.RECORDS, SyncEngine::vector));
    }

    @Override
    public void writeChanges(byte[] receiverVector, OutputStream out) throws IOException {
        Map<UUID, Long> has = decode(receiverVector);
        try {
            ws.read(Permission.RECORDS, tx -> {
                try {
                    return SyncEngine.write(tx, has, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Applied apply(InputStream changes) throws IOException {
        SyncEngine.Actor actor = new SyncEngine.Actor(ws.author(), ws.user().name(), ws.clock().instant());
        SyncEngine.Applied a;
        try {
            a = ws.write(Permission.RECORDS, AuditAction.IMPORT, CHANGES, ws.author().deviceId().toString(),
                    "change stream of a sync bundle", tx -> {
                        try {
                            return SyncEngine.apply(tx, changes, actor);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Applied(a.applied(), a.alreadyPresent(), a.conflicts(), a.waiting(), a.merged());
    }

    @Override
    public List<Conflict> conflicts() {
        return new ConflictService(ws).list().stream().map(LogChangeFeed::conflict).toList();
    }

    private static Conflict conflict(SyncConflict c) {
        SyncConflict.Head first = c.provisional();
        SyncConflict.Head second = c.heads().stream().filter(h -> h != first).max(SyncConflict.WINNER).orElse(first);
        return new Conflict(c.recordType(), c.recordId(), c.field(), first.device(), second.device());
    }

    /** The vector as bytes: the count, then per device (in id order) its id and highest sequence. */
    static byte[] encode(Map<UUID, Long> vector) {
        Map<UUID, Long> sorted = new TreeMap<>(Comparator.comparing(UUID::toString));
        sorted.putAll(vector);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(sorted.size());
            for (Map.Entry<UUID, Long> e : sorted.entrySet()) {
                out.writeLong(e.getKey().getMostSignificantBits());
                out.writeLong(e.getKey().getLeastSignificantBits());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode}'s bytes; empty bytes are the empty vector (a receiver that confirmed nothing). */
    static Map<UUID, Long> decode(byte[] bytes) throws IOException {
        Map<UUID, Long> vector = new HashMap<>();
        if (bytes == null || bytes.length == 0) {
            return vector;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            if (n < 0 || n > MAX_DEVICES) {
                throw new IOException("a damaged version vector");
            }
            for (int i = 0; i < n; i++) {
                vector.put(new UUID(in.readLong(), in.readLong()), in.readLong());
            }
            if (in.read() != -1) {
                throw new IOException("a damaged version vector");
            }
        } catch (EOFException e) {
            throw new IOException("a version vector cut short", e);
        }
        return vector;
    }
}

package org.outreachdesk.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.sync.SyncEngine;

/** A vault of a simulated team (tests): a real encrypted vault, its change log started, streams as byte arrays. */
final class TeamVault implements AutoCloseable {

    final String name;
    final Workspace ws;
    /** Per other vault, the vector it last sent here (what it confirmed having). */
    final Map<TeamVault, Map<UUID, Long>> confirmed = new HashMap<>();

    TeamVault(String name, Path dir) {
        this.name = name;
        this.ws = TestWorkspaces.admin(dir.resolve(name));
        UUID device = ws.author().deviceId();
        ws.write(Permission.RECORDS, AuditAction.UPDATE, "sync", null, null, tx -> SyncEngine.backfill(tx, device));
    }

    UUID device() {
        return ws.author().deviceId();
    }

    Map<UUID, Long> vector() {
        return ws.read(Permission.RECORDS, SyncEngine::vector);
    }

    /** The stream of every change {@code to} has not confirmed. */
    byte[] streamFor(TeamVault to) {
        Map<UUID, Long> has = confirmed.getOrDefault(to, Map.of());
        return streamFor(has);
    }

    byte[] streamFor(Map<UUID, Long> has) {
        return ws.read(Permission.RECORDS, tx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                SyncEngine.write(tx, has, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    SyncEngine.Applied apply(byte[] stream) {
        return ws.write(Permission.RECORDS, AuditAction.IMPORT, "sync", null, null, tx -> {
            try {
                return SyncEngine.apply(tx, new ByteArrayInputStream(stream),
                        new SyncEngine.Actor(ws.author(), ws.user().name(), ws.clock().instant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One delivered bundle: {@code this} writes for {@code to}, which applies it and learns this vault's vector. */
    SyncEngine.Applied sendTo(TeamVault to) {
        byte[] s = streamFor(to);
        Map<UUID, Long> senderVector = vector();
        SyncEngine.Applied a = to.apply(s);
        to.confirmed.put(this, senderVector);
        return a;
    }

    List<String> dump() {
        return ws.read(Permission.RECORDS, SyncEngine::canonicalDump);
    }

    List<SyncConflict> conflicts() {
        return ws.read(Permission.RECORDS, SyncEngine::conflicts);
    }

    @Override
    public void close() {
        if (ws.isOpen()) {
            ws.close();
        }
    }
}

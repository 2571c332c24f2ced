package org.outreachdesk.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.outreachdesk.store.LoggedChange;

/** Tests: a stream as a program of format 1 (ADR 14) wrote it, made from a stream of this version. */
public final class FormatOneStreams {

    private FormatOneStreams() {
    }

    /** The same changes, in format 1. */
    public static byte[] of(byte[] stream) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(in.readInt());
            if (in.readShort() != 2) {
                throw new IllegalArgumentException("not a format 2 stream");
            }
            out.writeShort(1);
            CompactChanges.Reader r = new CompactChanges.Reader(in);
            while (in.readByte() == 1) {
                LoggedChange c = r.read();
                out.writeByte(1);
                out.writeLong(c.device().getMostSignificantBits());
                out.writeLong(c.device().getLeastSignificantBits());
                out.writeLong(c.seq());
                out.writeLong(c.hlc());
                out.writeUTF(c.recordType());
                out.writeUTF(c.recordId());
                out.writeByte(c.op().ordinal());
                byte[] payload = c.payload();
                out.writeInt(payload.length);
                out.write(payload);
            }
            out.writeByte(0);
            out.writeLong(in.readLong());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

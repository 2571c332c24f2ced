package org.outreachdesk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One row of the change log (schema V12, ADR 14): a change made on {@code device} as its {@code seq}-th, at hybrid
 * logical clock {@code hlc}, to the record {@code recordId} (primary key as text) of table {@code recordType}.
 *
 * @param fields for an INSERT every shared field; for an UPDATE the fields changed, each with the changes it replaced;
 *               for a DELETE none
 */
public record LoggedChange(UUID device, long seq, long hlc, String recordType, String recordId, Op op,
                           List<FieldValue> fields) {

    /** What a change does to its record. */
    public enum Op { INSERT, UPDATE, DELETE }

    /** A change's name: its device and that device's sequence number. */
    public record Ref(UUID device, long seq) {
    }

    /** A field's new value (canonical text, null when empty) and the changes whose value it replaced. */
    public record FieldValue(String name, String value, List<Ref> bases) {
    }

    public Ref ref() {
        return new Ref(device, seq);
    }

    /** The fields as the compact bytes kept in {@code change_log.payload} and sent in a stream. */
    public byte[] payload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + fields.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(fields.size());
            for (FieldValue f : fields) {
                out.writeUTF(f.name());
                out.writeBoolean(f.value() != null);
                if (f.value() != null) {
                    out.writeUTF(f.value());
                }
                out.writeShort(f.bases().size());
                for (Ref b : f.bases()) {
                    out.writeLong(b.device().getMostSignificantBits());
                    out.writeLong(b.device().getLeastSignificantBits());
                    out.writeLong(b.seq());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The fields of {@link #payload()}. */
    public static List<FieldValue> fields(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int n = in.readUnsignedShort();
            List<FieldValue> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                String value = in.readBoolean() ? in.readUTF() : null;
                int nb = in.readUnsignedShort();
                List<Ref> bases = new ArrayList<>(nb);
                for (int j = 0; j < nb; j++) {
                    bases.add(new Ref(new UUID(in.readLong(), in.readLong()), in.readLong()));
                }
                out.add(new FieldValue(name, value, List.copyOf(bases)));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes in a change");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("a change's fields are damaged", e);
        }
    }
}

package org.outreachdesk.sync;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outreachdesk.store.LoggedChange;
import org.outreachdesk.store.LoggedChange.FieldValue;
import org.outreachdesk.store.LoggedChange.Op;
import org.outreachdesk.store.LoggedChange.Ref;

/**
 * The changes of a stream of format 2 (ADR 21): the same changes as format 1, written smaller. Devices, record types
 * and field names are named once per stream and then by number; sequence numbers and clocks are written as the
 * difference to the one before (variable-length integers); a value that is the canonical text of a UUID, a date, an
 * instant, a whole number or a boolean is written in binary and read back as exactly that text, any other text as
 * text. Both sides keep the same tables, so a writer and a reader are each used for one stream only.
 */
final class CompactChanges {

    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int UUID_VALUE = 2;
    private static final int DATE = 3;
    private static final int INSTANT = 4;
    private static final int NUMBER = 5;
    private static final int TRUE = 6;
    private static final int FALSE = 7;

    private CompactChanges() {
    }

    /** Writes the changes of one stream. */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<UUID, Integer> devices = new HashMap<>();
        private final Map<String, Integer> names = new HashMap<>();
        private final Map<UUID, Long> lastSeq = new HashMap<>();
        private long lastHlc;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(LoggedChange c) throws IOException {
            out.writeByte(1);
            device(c.device());
            long before = lastSeq.getOrDefault(c.device(), 0L);
            lastSeq.put(c.device(), c.seq());
            signed(c.seq() - before);
            signed(c.hlc() - lastHlc);
            lastHlc = c.hlc();
            name(c.recordType());
            value(c.recordId());
            out.writeByte(c.op().ordinal());
            unsigned(c.fields().size());
            for (FieldValue f : c.fields()) {
                name(f.name());
                value(f.value());
                unsigned(f.bases().size());
                for (Ref b : f.bases()) {
                    device(b.device());
                    unsigned(b.seq());
                }
            }
        }

        private void device(UUID d) throws IOException {
            Integer n = devices.get(d);
            if (n != null) {
                unsigned(n);
                return;
            }
            unsigned(devices.size());
            devices.put(d, devices.size());
            out.writeLong(d.getMostSignificantBits());
            out.writeLong(d.getLeastSignificantBits());
        }

        private void name(String s) throws IOException {
            Integer n = names.get(s);
            if (n != null) {
                unsigned(n);
                return;
            }
            unsigned(names.size());
            names.put(s, names.size());
            out.writeUTF(s);
        }

        private void value(String v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
            } else if (v.equals("true")) {
                out.writeByte(TRUE);
            } else if (v.equals("false")) {
                out.writeByte(FALSE);
            } else if (isUuid(v)) {
                UUID u = UUID.fromString(v);
                out.writeByte(UUID_VALUE);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            } else if (isDate(v)) {
                out.writeByte(DATE);
                signed(LocalDate.parse(v).toEpochDay());
            } else if (isInstant(v)) {
                Instant i = Instant.parse(v);
                out.writeByte(INSTANT);
                signed(i.getEpochSecond());
                unsigned(i.getNano());
            } else if (isNumber(v)) {
                out.writeByte(NUMBER);
                signed(Long.parseLong(v));
            } else {
                out.writeByte(TEXT);
                out.writeUTF(v);
            }
        }

        private void signed(long v) throws IOException {
            unsigned((v << 1) ^ (v >> 63));
        }

        private void unsigned(long v) throws IOException {
            long x = v;
            while ((x & ~0x7FL) != 0) {
                out.writeByte((int) ((x & 0x7F) | 0x80));
                x >>>= 7;
            }
            out.writeByte((int) x);
        }
    }

    /** Reads the changes of one stream (after the {@code byte 1} that starts each). */
    static final class Reader {
        private final DataInputStream in;
        private final List<UUID> devices = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final Map<UUID, Long> lastSeq = new HashMap<>();
        private long lastHlc;

        Reader(DataInputStream in) {
            this.in = in;
        }

        LoggedChange read() throws IOException {
            UUID device = device();
            long seq = lastSeq.getOrDefault(device, 0L) + signed();
            lastSeq.put(device, seq);
            lastHlc += signed();
            String type = name();
            String id = value();
            int op = in.readUnsignedByte();
            if (op >= Op.values().length || id == null) {
                throw damaged();
            }
            int n = count();
            List<FieldValue> fields = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = name();
                String value = value();
                int nb = count();
                List<Ref> bases = new ArrayList<>(nb);
                for (int j = 0; j < nb; j++) {
                    bases.add(new Ref(device(), unsigned()));
                }
                fields.add(new FieldValue(name, value, List.copyOf(bases)));
            }
            return new LoggedChange(device, seq, lastHlc, type, id, Op.values()[op], List.copyOf(fields));
        }

        private UUID device() throws IOException {
            long n = unsigned();
            if (n < devices.size()) {
                return devices.get((int) n);
            }
            if (n != devices.size()) {
                throw damaged();
            }
            UUID d = new UUID(in.readLong(), in.readLong());
            devices.add(d);
            return d;
        }

        private String name() throws IOException {
            long n = unsigned();
            if (n < names.size()) {
                return names.get((int) n);
            }
            if (n != names.size()) {
                throw damaged();
            }
            String s = in.readUTF();
            names.add(s);
            return s;
        }

        private String value() throws IOException {
            int tag = in.readUnsignedByte();
            try {
                return switch (tag) {
                    case NULL -> null;
                    case TRUE -> "true";
                    case FALSE -> "false";
                    case UUID_VALUE -> new UUID(in.readLong(), in.readLong()).toString();
                    case DATE -> LocalDate.ofEpochDay(signed()).toString();
                    case INSTANT -> Instant.ofEpochSecond(signed(), unsigned()).toString();
                    case NUMBER -> Long.toString(signed());
                    case TEXT -> in.readUTF();
                    default -> throw damaged();
                };
            } catch (DateTimeException | ArithmeticException e) {
                throw damaged();
            }
        }

        private int count() throws IOException {
            long n = unsigned();
            if (n > 10_000) {
                throw damaged();
            }
            return (int) n;
        }

        private long signed() throws IOException {
            long u = unsigned();
            return (u >>> 1) ^ -(u & 1);
        }

        private long unsigned() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.readUnsignedByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw damaged();
        }

        private static SyncFormatException damaged() {
            return new SyncFormatException("a damaged change stream");
        }
    }

    /** The canonical text of a UUID (lower case, 36 characters): what {@code UUID.toString} gives back. */
    static boolean isUuid(String v) {
        if (v.length() != 36 || v.charAt(8) != '-' || v.charAt(13) != '-' || v.charAt(18) != '-'
                || v.charAt(23) != '-') {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            if (c != '-' && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** An ISO date as {@code LocalDate.toString} writes it (years 0000-9999). */
    static boolean isDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        try {
            return LocalDate.parse(v).toString().equals(v);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** An instant as {@code Instant.toString} writes it. */
    static boolean isInstant(String v) {
        if (v.length() < 20 || v.length() > 30 || v.charAt(10) != 'T' || !v.endsWith("Z")) {
            return false;
        }
        try {
            return Instant.parse(v).toString().equals(v);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A whole number as {@code Long.toString} writes it (no sign {@code +}, no leading zeros). */
    static boolean isNumber(String v) {
        if (v.isEmpty() || v.length() > 19) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && v.length() > 1)) {
                return false;
            }
        }
        try {
            return Long.toString(Long.parseLong(v)).equals(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package org.outreachdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outreachdesk.store.LoggedChange;
import org.outreachdesk.store.LoggedChange.FieldValue;
import org.outreachdesk.store.LoggedChange.Op;
import org.outreachdesk.store.LoggedChange.Ref;

/** Format 2's compact changes read back exactly as written, whatever text a value holds. */
class CompactChangesTest {

    static final UUID HUB = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    static final UUID MEMBER = UUID.fromString("a0000000-0000-4000-8000-000000000001");

    /** Values that look binary but are not canonical stay text, so nothing is changed on the way. */
    static final List<String> VALUES = Arrays.asList(null, "", "true", "false", "TRUE", "0", "-0", "007",
            "+5", "-42", "9223372036854775807", "9223372036854775808", "1e5", "2026-10-04", "2026-1-04", "0999-12-31",
            "2026-10-04T08:12:33Z", "2026-10-04T08:12:33.120Z", "2026-10-04T08:12:33.123456789Z",
            "2026-10-04T08:12:33.000Z", "2026-10-04T08:12Z", HUB.toString(), HUB.toString().toUpperCase(),
            "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f", "ថ្ងៃនេះ ពិនិត្យ", "a|b");

    @Test
    void everyValueReadsBackAsTheSameText() throws IOException {
        List<LoggedChange> written = new ArrayList<>();
        long hlc = 1_800_000_000_000L << 16;
        for (int i = 0; i < VALUES.size(); i++) {
            UUID device = i % 3 == 0 ? MEMBER : HUB;
            List<FieldValue> fields = List.of(new FieldValue("note", VALUES.get(i), List.of()),
                    new FieldValue("voided", "false", List.of(new Ref(HUB, 3), new Ref(MEMBER, 70_000))));
            written.add(new LoggedChange(device, 10 + i, hlc + i * 5L - (i == 7 ? 20 : 0), i % 2 == 0 ? "encounter"
                    : "record_change_field", i == 4 ? "x|note" : UUID.randomUUID().toString(),
                    Op.values()[i % 3], fields));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        CompactChanges.Writer w = new CompactChanges.Writer(out);
        for (LoggedChange c : written) {
            w.write(c);
        }
        out.flush();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        CompactChanges.Reader r = new CompactChanges.Reader(in);
        List<LoggedChange> read = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            assertThat(in.readByte()).isEqualTo((byte) 1);
            read.add(r.read());
        }
        assertThat(in.read()).as("nothing left over").isEqualTo(-1);
        assertThat(read).isEqualTo(written);
    }

    @Test
    void aChangeOfIdsAndDatesTakesTheBytesCountedByHand() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        CompactChanges.Writer w = new CompactChanges.Writer(out);
        w.write(encounter(1, 1L << 40));
        out.flush();
        int first = bytes.size();
        w.write(encounter(2, (1L << 40) + 1));
        out.flush();
        int second = bytes.size() - first;
        // tag 1, device no. 1, seq +1 1, clock +1 1, type no. 1, id 1 + 16, op 1, 5 fields 1;
        // id and contact_id: name no. 1 + 1 + 16 + no bases 1 = 19 each; date: 1 + 1 + epoch day 20,365 zigzag 3
        // + 1 = 6; instant: 1 + 1 + seconds 1,791,101,553 zigzag 5 + nanos 123,000,000 4 + 1 = 12; "10": 1 + 1 + 1 + 1
        assertThat(second).isEqualTo(1 + 1 + 1 + 1 + 1 + 17 + 1 + 1 + 19 + 19 + 6 + 12 + 4);
        // format 1: tag, device, seq, clock, type and id as UTF, op, length, and the text payload
        int formatOne = 1 + 16 + 8 + 8 + (2 + 9) + (2 + 36) + 1 + 4 + encounter(2, 0).payload().length;
        assertThat(second).isLessThan(formatOne / 3);
    }

    private static LoggedChange encounter(long seq, long hlc) {
        List<FieldValue> fields = List.of(new FieldValue("id", UUID.randomUUID().toString(), List.of()),
                new FieldValue("contact_id", UUID.randomUUID().toString(), List.of()),
                new FieldValue("encounter_date", "2025-10-04", List.of()),
                new FieldValue("created_at", "2026-10-04T08:12:33.123Z", List.of()),
                new FieldValue("male_condoms", "10", List.of()));
        return new LoggedChange(HUB, seq, hlc, "encounter", UUID.randomUUID().toString(), Op.INSERT, fields);
    }

    @Test
    void aNameNumberNeverGivenIsDamage() {
        byte[] bytes = {5}; // device number 5 of none
        CompactChanges.Reader r = new CompactChanges.Reader(new DataInputStream(new ByteArrayInputStream(bytes)));
        assertThatThrownBy(r::read).isInstanceOf(SyncFormatException.class).hasMessage("a damaged change stream");
    }
}

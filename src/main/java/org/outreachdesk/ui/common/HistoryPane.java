package org.outreachdesk.ui.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;

/**
 * The versions of one record (issue 14): one row per field changed, with when, who, what kind of change (and a
 * void's reason), the field's name and its value before → after. Values are shown in the user's words: dates in
 * the house format, yes/no, enum constants and ids by their labels or codes as {@link Values} says. Any record's
 * screen can use it (encounters, contacts, referrals, incidents, movements): build the {@link Values} for its
 * fields, put the pane in a window or a tab, and {@link #show} the record's changes (read on the background
 * executor).
 *
 * <p>Labels: field names {@code history.field.<RecordType>.<field>} (falling back to {@code history.field.<field>},
 * then the desk's {@code desk.field.<field>}, then the field's own name), kinds {@code history.kind.<ChangeKind>}, void reasons via
 * {@code desk.enum.VoidReason.<NAME>}.
 */
public final class HistoryPane extends VBox {

    /** One line of the table: the change's columns are filled on its first field only. */
    public record Row(String when, String who, String what, String field, String before, String after) {
    }

    private final Labels l;
    private final ZoneId zone;
    private final Values values;
    private final TableView<Row> table = new TableView<>();

    public HistoryPane(Labels l, ZoneId zone, Values values) {
        super(6);
        this.l = l;
        this.zone = zone;
        this.values = values;
        setId("history-pane");
        table.setId("history-table");
        table.setPlaceholder(new Label(l.get("history.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("history.col.when", Row::when, 130));
        table.getColumns().add(column("history.col.who", Row::who, 90));
        table.getColumns().add(column("history.col.what", Row::what, 150));
        table.getColumns().add(column("history.col.field", Row::field, 130));
        table.getColumns().add(column("history.col.before", Row::before, 120));
        table.getColumns().add(column("history.col.after", Row::after, 120));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(l.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Shows these changes (oldest first, as the services answer them). */
    public void show(List<RecordChange> changes) {
        table.setItems(FXCollections.observableList(rows(l, zone, values, changes)));
    }

    public TableView<Row> table() {
        return table;
    }

    /** The table's rows for these changes, newest change first (no JavaFX needed: what a test can read). */
    public static List<Row> rows(Labels l, ZoneId zone, Values values, List<RecordChange> changes) {
        List<Row> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            RecordChange c = changes.get(i);
            String what = l.get("history.kind." + c.kind().name())
                    + (c.reason() == null ? "" : " – " + l.of(c.reason()));
            boolean first = true;
            for (FieldChange f : c.fields()) {
                String type = c.recordType().name();
                out.add(new Row(first ? Dates.format(c.at(), zone) : "", first ? c.byName() : "",
                        first ? what : "", fieldName(l, type, f.field()),
                        values.show(f.field(), f.oldValue()), values.show(f.field(), f.newValue())));
                first = false;
            }
        }
        return out;
    }

    private static String fieldName(Labels l, String type, String field) {
        String specific = l.get("history.field." + type + "." + field);
        if (!specific.startsWith("!")) {
            return specific;
        }
        String general = l.get("history.field." + field);
        if (!general.startsWith("!")) {
            return general;
        }
        String desk = l.get("desk.field." + field);
        return desk.startsWith("!") ? field : desk;
    }

    /**
     * How the values of a record's fields are shown: by default empty as a dash, {@code true}/{@code false} as
     * yes/no, ISO dates in the house format, anything else as stored; fields named with {@link #enumField} by
     * their labels, fields named with {@link #codes} (ids) by the code the map gives.
     */
    public static final class Values {
        private final Labels l;
        private final Map<String, Function<String, String>> byField = new HashMap<>();

        public Values(Labels l) {
            this.l = l;
        }

        /** Shows the field's values as the labels of {@code type}'s constants. */
        public <E extends Enum<E>> Values enumField(String field, Class<E> type) {
            byField.put(field, v -> l.of(Enum.valueOf(type, v)));
            return this;
        }

        /** Shows the field's values (ids) by the codes in {@code codes} (an id not there as it is). */
        public Values codes(String field, Map<UUID, String> codes) {
            Map<String, String> byText = new HashMap<>();
            codes.forEach((k, v) -> byText.put(k.toString(), v));
            byField.put(field, v -> byText.getOrDefault(v, v));
            return this;
        }

        /** Shows the field's values with {@code show} (never given null). */
        public Values field(String field, Function<String, String> show) {
            byField.put(field, show);
            return this;
        }

        public String show(String field, String canonical) {
            if (canonical == null) {
                return "—";
            }
            Function<String, String> f = byField.get(field);
            if (f != null) {
                try {
                    return f.apply(canonical);
                } catch (IllegalArgumentException e) {
                    return canonical;
                }
            }
            if (canonical.equals("true") || canonical.equals("false")) {
                return l.get("history.value." + canonical);
            }
            if (canonical.length() == 10 && canonical.charAt(4) == '-') {
                try {
                    return Dates.format(LocalDate.parse(canonical));
                } catch (DateTimeParseException e) {
                    return canonical;
                }
            }
            return canonical;
        }
    }
}

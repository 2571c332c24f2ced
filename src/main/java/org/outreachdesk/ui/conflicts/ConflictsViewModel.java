package org.outreachdesk.ui.conflicts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.ConflictService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;

/**
 * The Conflicts screen's state (issue 15, ADR 20): the open conflicts of team sync in words — which record (never its
 * UIC, note or HIV status), which field, each value with the laptop and author that made it and when, the provisional
 * one marked — and the coordinator's choice, resolved through {@link ConflictService} on
 * {@link UiContext#executor()}.
 */
public final class ConflictsViewModel {

    /** Fields whose values are enum names: shown through the same {@code desk.enum.*} keys the forms use. */
    private static final Map<String, Class<? extends Enum<?>>> CODES = Map.ofEntries(
            Map.entry("gender", Gender.class), Map.entry("kp_type", KpType.class),
            Map.entry("contact_status", ContactStatus.class), Map.entry("venue_type", VenueType.class),
            Map.entry("staff_kind", StaffKind.class), Map.entry("encounter_type", EncounterType.class),
            Map.entry("hiv_status", HivStatus.class), Map.entry("service_type", ServiceType.class),
            Map.entry("referral_status", ReferralStatus.class), Map.entry("incident_type", IncidentType.class),
            Map.entry("perpetrator", Perpetrator.class), Map.entry("commodity", Commodity.class),
            Map.entry("movement_kind", MovementKind.class), Map.entry("void_reason", VoidReason.class));

    /** One value a coordinator can choose: the text shown, where it came from, and whether it is provisional. */
    public record Choice(ConflictService.Value value, String text, String origin, boolean provisional) {
    }

    /** One open conflict as a row: the record in words, the field's name, and its values (provisional first). */
    public record Row(ConflictService.Review review, String title, String field, List<Choice> choices) {
    }

    private final UiContext ctx;
    private final ConflictService conflicts;
    private final Messages messages;
    private final Labels labels;
    private final Status status;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();

    public ConflictsViewModel(UiContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.conflicts = new ConflictService(ctx.workspace());
        this.messages = ctx.messages();
        this.labels = ctx.labels();
        this.status = new Status(messages);
    }

    /** Reads the open conflicts (in the background). */
    public void load() {
        status.load(ctx.executor(), conflicts::review, this::show);
    }

    /**
     * Resolves {@code row}'s conflict with {@code choice}'s value (in the background): the choice is a change that
     * travels to the other laptops, audited by record and field; the row leaves the list.
     */
    public void choose(Row row, Choice choice) {
        status.run(ctx.executor(), () -> {
            conflicts.resolve(row.review().conflict(), choice.value().head().value());
            return conflicts.review();
        }, reviews -> {
            show(reviews);
            status.ok(messages.get("conflicts.resolved", row.field(), row.title(), choice.text()));
        });
    }

    private void show(List<ConflictService.Review> reviews) {
        List<Row> shown = new ArrayList<>();
        for (ConflictService.Review r : reviews) {
            shown.add(row(r));
        }
        rows.setAll(shown);
        count.set(shown.size());
        if (shown.isEmpty() && !status.errorProperty().get()) {
            status.show(messages.get("conflicts.none"), false);
        }
    }

    private Row row(ConflictService.Review r) {
        String field = r.conflict().field();
        List<Choice> choices = r.values().stream().map(v -> new Choice(v, value(field, v), origin(v),
                v.provisional())).toList();
        return new Row(r, title(r.conflict().recordType(), r.subject()), fieldName(field), choices);
    }

    /** "Encounter · 12/10/2026 · KTV-03 · OW01": the kind of record and what tells it apart, never content. */
    String title(String recordType, ConflictService.Subject s) {
        String kindKey = "conflicts.kind." + recordType;
        List<String> parts = new ArrayList<>();
        parts.add(messages.has(kindKey) ? messages.get(kindKey) : messages.get("conflicts.kind.other"));
        if (s.date() != null) {
            parts.add(Dates.format(s.date()));
        }
        if (s.type() != null) {
            parts.add(labels.of(s.type()));
        }
        if (s.siteCode() != null) {
            parts.add(s.siteCode());
        }
        if (s.code() != null) {
            parts.add(s.code());
        }
        return String.join(" · ", parts);
    }

    /** The field's name in the user's language (key {@code conflicts.field.<column>}). */
    String fieldName(String column) {
        String key = "conflicts.field." + column;
        return messages.has(key) ? messages.get(key) : column.replace('_', ' ');
    }

    /** A value as the forms show it: codes by name, dates dd/MM/yyyy, yes/no, other records by code. */
    String value(String field, ConflictService.Value v) {
        String raw = v.head().value();
        if (raw == null || raw.isEmpty()) {
            return messages.get("conflicts.value.empty");
        }
        if (v.reference() != null) {
            return v.reference();
        }
        Class<? extends Enum<?>> type = CODES.get(field);
        if (type != null) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(raw)) {
                    return labels.of(e);
                }
            }
        }
        if (field.equals("voided")) {
            return messages.get(Boolean.parseBoolean(raw) ? "conflicts.value.voided" : "conflicts.value.notVoided");
        }
        if (raw.equals("true") || raw.equals("false")) {
            return messages.get(raw.equals("true") ? "conflicts.value.yes" : "conflicts.value.no");
        }
        if (raw.length() == 10 && raw.charAt(4) == '-') {
            try {
                return Dates.format(LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                return raw;
            }
        }
        if (field.endsWith("_id") || field.equals("merged_into")) {
            return messages.get("conflicts.value.otherRecord");
        }
        return raw;
    }

    /** "laptop 1 · by maria · 12/10/2026 14:05"; "another laptop" when this vault does not know its name. */
    String origin(ConflictService.Value v) {
        String device = v.device() != null ? v.device() : messages.get("conflicts.anotherLaptop");
        String when = Dates.format(v.at(), ZoneId.systemDefault());
        return v.author() != null ? messages.get("conflicts.origin.by", device, v.author(), when)
                : messages.get("conflicts.origin", device, when);
    }

    /** The open conflicts, one row each. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** How many conflicts are open (after the last load or choice). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public Status status() {
        return status;
    }
}

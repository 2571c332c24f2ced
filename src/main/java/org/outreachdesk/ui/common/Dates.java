package org.outreachdesk.ui.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * The one date format of the interface: day/month/year ({@code 05/12/2026}), the order Cambodian forms,
 * registers and phones use (see ADR 0006). Typing also takes d/m/yyyy, dd.mm.yyyy, dd-mm-yyyy and
 * yyyy-mm-dd, so a date copied from a spreadsheet still reads; nothing is shown as ISO.
 */
public final class Dates {

    public static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter WITH_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    /** What an empty date field says it wants. */
    public static final String PROMPT = "dd/mm/yyyy";

    private Dates() {
    }

    public static String format(LocalDate d) {
        return d == null ? "" : DAY_MONTH_YEAR.format(d);
    }

    /** A moment as day/month/year and time of day on this laptop's clock. */
    public static String format(Instant t, ZoneId zone) {
        return t == null ? "" : WITH_TIME.withZone(zone).format(t);
    }

    /** Reads d/m/yyyy (or dd.mm.yyyy, dd-mm-yyyy) and yyyy-mm-dd; null for blank or unreadable text. */
    public static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = t.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            String[] p = t.split("[/.\\-]");
            if (p.length == 3 && p[2].length() == 4) {
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The one date picker: shows and reads day/month/year; typed text counts as soon as it is a date. */
    public static DatePicker picker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPrefWidth(140);
        // dd/mm/yyyy and the calendar button stay whole when a form row is short of room (Khmer digits are wider)
        p.setMinWidth(130);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return parse(s);
            }
        });
        p.getEditor().textProperty().addListener((obs, old, text) -> {
            LocalDate d = parse(text);
            if (d != null && !d.equals(p.getValue()) && p.getEditor().isFocused()) {
                p.setValue(d);
            }
        });
        p.setPromptText(PROMPT);
        return p;
    }
}

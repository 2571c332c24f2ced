package org.outreachdesk.app.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures, by the keys of the JSON file, each with its target. A figure that could not be
 * measured is absent (and written as {@code null}).
 */
public final class BenchResult {

    /** One target: the figure must be at most (or at least) the limit. */
    public record Target(String key, String what, double limit, boolean atMost, String unit) {
        boolean met(double value) {
            return atMost ? value <= limit : value >= limit;
        }

        String text() {
            return (atMost ? "≤ " : "≥ ") + format(limit) + " " + unit;
        }
    }

    public static final Target[] TARGETS = {
        new Target("unlock_s", "unlock (Argon2id key derivation + open)", 1.0, true, "s"),
        new Target("encounter_save_p95_ms", "save an encounter, durable, p95", 30, true, "ms"),
        new Target("uic_lookup_p95_ms", "UIC lookup, p95", 20, true, "ms"),
        new Target("register_open_s", "contact register first page", 1.0, true, "s"),
        new Target("import_rows_per_s", "register import (100,000 rows in ≤ 30 s)", 100_000 / 30.0, false, "rows/s"),
        new Target("report_month_s", "month's workbook", 1.0, true, "s"),
        new Target("report_month_first_s", "month's workbook, first after unlock", 1.0, true, "s"),
        new Target("report_year_s", "year's workbook", 3.0, true, "s"),
        new Target("report_vs_sql_ratio", "month report / its own SQL run bare", 1.5, true, "×"),
        new Target("encrypted_vs_plain_ratio", "month report, encrypted / unencrypted", 1.3, true, "×"),
        new Target("heap_peak_mb", "peak heap", 512, true, "MB"),
        new Target("sync_month_export_s", "sync: a member's month written (2,000 encounters)", 2.0, true, "s"),
        new Target("sync_month_import_s", "sync: that month read by the hub", 5.0, true, "s"),
        new Target("sync_full_write_s", "sync: first full bundle written on the hub", 60, true, "s"),
        new Target("sync_full_apply_s", "sync: first full bundle read by a new laptop", 180, true, "s"),
        new Target("sync_full_apply_heap_mb", "sync: peak heap while reading it", 512, true, "MB"),
        new Target("sync_bytes_per_encounter", "sync: full bundle bytes per encounter", 200, true, "B"),
    };

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> context = new LinkedHashMap<>();

    public void put(String key, double value) {
        values.put(key, value);
    }

    public void note(String key, String text) {
        context.put(key, text);
    }

    public Double get(String key) {
        return values.get(key);
    }

    /** The figures as JSON: every target key (null when not measured), then the context notes. */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        for (Target t : TARGETS) {
            Double v = values.get(t.key());
            b.append("  \"").append(t.key()).append("\": ").append(v == null ? "null" : format(v)).append(",\n");
        }
        b.append("  \"context\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : context.entrySet()) {
            b.append(sep).append("    \"").append(e.getKey()).append("\": \"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            sep = ",\n";
        }
        return b.append("\n  }\n}\n").toString();
    }

    /** A table for people: each target beside the measured figure. */
    public String toTable() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %-16s %-12s %s%n", "measure", "target",
                "measured", ""));
        for (Target t : TARGETS) {
            Double v = values.get(t.key());
            b.append(String.format(Locale.ROOT, "%-44s %-16s %-12s %s%n", t.what(), t.text(),
                    v == null ? "—" : format(v) + " " + t.unit(), v == null ? "not measured" : t.met(v) ? "ok" : "MISSED"));
        }
        context.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}

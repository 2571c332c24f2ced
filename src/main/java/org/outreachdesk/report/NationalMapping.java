package org.outreachdesk.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.outreachdesk.domain.NationalFormat;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The mapping file of a national export: which figure of the workbook (table, row label, column header) goes to
 * which data element and category option combo (DHIS2 JSON) or disaggregation attributes (ADX) of the receiving
 * system, and the data set and org unit codes the whole file is sent under. A CSV file (README, "National
 * formats"; a commented example is {@code docs/examples/dhis2-mapping.csv}):
 *
 * <pre>
 * # a comment; blank lines are skipped
 * data_set,KP_OUTREACH_MONTHLY
 * org_unit,KH_PURSAT
 * ReachByAgeSex,20-24,Female,KP_REACH,F_20-24,SEX=F;AGE=20-24
 * Summary,Encounters,Value,KP_CONTACTS,,
 * </pre>
 *
 * A figure line is table, row, column, data element, then optionally the category option combo (blank: the
 * receiving system's default) and the ADX disaggregation ({@code CATEGORY=OPTION} pairs separated by
 * {@code ;}). Parsing checks the form of every line; {@link #resolve} checks the tables, rows and columns against
 * the report itself. Every refusal names the line.
 */
public final class NationalMapping {

    /** The first field of the line giving the data set code. */
    public static final String DATA_SET = "data_set";
    /** The first field of the line giving the org unit code. */
    public static final String ORG_UNIT = "org_unit";

    private static final int MAX_CODE = 230;
    /** An ADX disaggregation attribute name must be an XML name without a colon (ADX: the category's code). */
    private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    /** Attribute names that ADX's dataValue uses itself. */
    private static final Set<String> ADX_RESERVED = Set.of("dataElement", "value");

    private final NationalFormat format;
    private final String dataSet;
    private final String orgUnit;
    private final List<Entry> entries;

    private NationalMapping(NationalFormat format, String dataSet, String orgUnit, List<Entry> entries) {
        this.format = format;
        this.dataSet = dataSet;
        this.orgUnit = orgUnit;
        this.entries = List.copyOf(entries);
    }

    /**
     * One figure line.
     *
     * @param line                the line of the file (1-based)
     * @param categoryOptionCombo empty for the receiving system's default
     * @param disaggregation      ADX attributes, in the file's order (may be empty)
     */
    public record Entry(int line, String table, String row, String column, String dataElement,
                        String categoryOptionCombo, Map<String, String> disaggregation) {
        public Entry {
            disaggregation = Collections.unmodifiableMap(new LinkedHashMap<>(disaggregation));
        }

        /** {@code table row/column}, as the unmapped list shows figures. */
        public String figure() {
            return NationalMapping.figure(table, row, column);
        }
    }

    /** A mapped figure and its exact value as the receiving system gets it. */
    public record Value(Entry entry, String value) {
    }

    /**
     * What a mapping makes of one report.
     *
     * @param values   the mapped figures with their values, in the mapping's order
     * @param unmapped figures the report has that no line maps (left out), in workbook order
     * @param absent   mapped figures with no value in this report (a site not in this period's tables, a percentage
     *                 that cannot be computed): left out
     */
    public record Resolved(String dataSet, String orgUnit, List<Value> values, List<String> unmapped,
                           List<String> absent) {
        public Resolved {
            values = List.copyOf(values);
            unmapped = List.copyOf(unmapped);
            absent = List.copyOf(absent);
        }
    }

    public NationalFormat format() {
        return format;
    }

    public String dataSet() {
        return dataSet;
    }

    public String orgUnit() {
        return orgUnit;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Reads a mapping file's text for {@code format}.
     *
     * @throws InvalidMappingException naming the first line that cannot be used, or the whole file when the data set
     *                                 or org unit line is missing or nothing is mapped
     */
    public static NationalMapping parse(String text, NationalFormat format) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat csv = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        String dataSet = null;
        String orgUnit = null;
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> targets = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), csv)) {
            for (CSVRecord r : parser) {
                int line = lineOf(body, r.getCharacterPosition());
                List<String> f = new ArrayList<>();
                r.forEach(v -> f.add(v == null ? "" : v.strip()));
                while (!f.isEmpty() && f.get(f.size() - 1).isEmpty()) {
                    f.remove(f.size() - 1);
                }
                if (f.isEmpty()) {
                    continue;
                }
                String first = f.get(0);
                if (first.equals(DATA_SET) || first.equals(ORG_UNIT)) {
                    if (f.size() != 2) {
                        throw new InvalidMappingException(line, "oneCode", first + " takes exactly one code", first);
                    }
                    String code = code(line, f.get(1), first, first);
                    if (first.equals(DATA_SET)) {
                        if (dataSet != null) {
                            throw new InvalidMappingException(line, "secondDataSet", "a second data_set line");
                        }
                        dataSet = code;
                    } else {
                        if (orgUnit != null) {
                            throw new InvalidMappingException(line, "secondOrgUnit", "a second org_unit line");
                        }
                        orgUnit = code;
                    }
                    continue;
                }
                Entry e = entry(line, f);
                String target = format == NationalFormat.ADX
                        ? e.dataElement() + "|" + new TreeMap<>(e.disaggregation())
                        : e.dataElement() + "|" + e.categoryOptionCombo();
                Integer before = targets.putIfAbsent(target, line);
                if (before != null) {
                    throw new InvalidMappingException(line, format == NationalFormat.ADX ? "sameTargetAdx" : "sameTargetJson",
                            "the same data element and "
                            + (format == NationalFormat.ADX ? "disaggregation" : "category option combo")
                            + " as line " + before + ": the receiving system would get two values for one cell", before);
                }
                entries.add(e);
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports a broken quote this way; the message says where, not what
            throw new InvalidMappingException(0, "notCsv", "not a readable CSV file (" + e.getClass().getSimpleName()
                    + ")", e.getClass().getSimpleName());
        }
        if (dataSet == null) {
            throw new InvalidMappingException(0, "noDataSet", "no data_set line (data_set,CODE)");
        }
        if (orgUnit == null) {
            throw new InvalidMappingException(0, "noOrgUnit", "no org_unit line (org_unit,CODE)");
        }
        if (entries.isEmpty()) {
            throw new InvalidMappingException(0, "nothingMapped", "no figure is mapped");
        }
        return new NationalMapping(format, dataSet, orgUnit, entries);
    }

    private static Entry entry(int line, List<String> f) {
        if (f.size() < 4 || f.size() > 6) {
            throw new InvalidMappingException(line, "fields", "expected table,row,column,data_element"
                    + "[,category_option_combo[,adx_disaggregation]] (or data_set,CODE / org_unit,CODE); found "
                    + f.size() + " fields", f.size());
        }
        for (int i = 0; i < 3; i++) {
            if (f.get(i).isEmpty()) {
                throw new InvalidMappingException(line, "empty." + List.of("table", "row", "column").get(i),
                        "the " + List.of("table", "row", "column").get(i) + " is empty");
            }
        }
        String de = code(line, f.get(3), "data element", "data_element");
        String coc = f.size() > 4 && !f.get(4).isEmpty() ? code(line, f.get(4), "category option combo",
                "category_option_combo") : "";
        Map<String, String> dis = new LinkedHashMap<>();
        if (f.size() > 5) {
            for (String pair : f.get(5).split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new InvalidMappingException(line, "pair", "an ADX disaggregation is CATEGORY=OPTION; "
                            + "pairs are separated by ;");
                }
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (!NC_NAME.matcher(name).matches() || ADX_RESERVED.contains(name)) {
                    throw new InvalidMappingException(line, "attributeName", "'" + name + "' cannot be an ADX "
                            + "attribute name (letters, digits, . _ -, not starting with a digit; not dataElement or value)",
                            name);
                }
                if (dis.put(name, code(line, value, "disaggregation option", "adx_disaggregation")) != null) {
                    throw new InvalidMappingException(line, "twice", "the disaggregation " + name + " is given twice", name);
                }
            }
        }
        return new Entry(line, f.get(0), f.get(1), f.get(2), de, coc, dis);
    }

    /** {@code what} names the code in the English message; {@code column} is the mapping's column for it. */
    private static String code(int line, String v, String what, String column) {
        if (v.isEmpty()) {
            throw new InvalidMappingException(line, "emptyCode", "the " + what + " code is empty", column);
        }
        if (v.length() > MAX_CODE || v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidMappingException(line, "badCode", "the " + what + " code is not a usable code",
                    column);
        }
        return v;
    }

    /**
     * The line a record starts on. Commons CSV gives the position where it started reading the record, which may be
     * before blank and comment lines it skipped: those are skipped here too.
     */
    private static int lineOf(String text, long position) {
        int line = 1;
        int i = 0;
        for (; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(ch)) {
                if (ch == '\n') {
                    line++;
                }
                i++;
            } else {
                break;
            }
        }
        return line;
    }

    /**
     * Takes the mapped figures out of {@code report} (which must be exact: a national export never carries
     * suppressed cells).
     *
     * @param siteCodes every site code the vault knows: a per-site row naming one of them that this period's tables
     *                  leave out (an inactive site not visited) is absent, not an error
     * @throws InvalidMappingException naming the line of the first table, row or column the report does not have, or
     *                                 a column that holds no figure (a name, a venue type)
     */
    public Resolved resolve(Report report, Set<String> siteCodes) {
        if (report.suppressed()) {
            throw new IllegalArgumentException("a national export carries exact figures only");
        }
        List<Value> values = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (Entry e : entries) {
            ReportTable t = report.tables().stream().filter(x -> x.name().equals(e.table())).findFirst()
                    .orElseThrow(() -> new InvalidMappingException(e.line(), "noTable", "no table '" + e.table()
                            + "' in the workbook (tables: " + String.join(", ", ReportTables.NAMES) + ")", e.table(),
                            String.join(", ", ReportTables.NAMES)));
            int c = t.headers().indexOf(e.column());
            String columns = String.join(", ", t.headers().subList(1, t.headers().size()));
            if (c <= 0) {
                throw new InvalidMappingException(e.line(), "noColumn", "table " + t.name()
                        + " has no figure column '" + e.column() + "' (columns: " + columns + ")", t.name(), e.column(),
                        columns);
            }
            List<Cell> row = rowOf(t, e.row());
            if (row == null) {
                boolean perSite = t.name().equals(ReportTables.REACH_BY_SITE) || t.name().equals(ReportTables.COMMODITIES);
                if (perSite && siteCodes.contains(e.row())) {
                    absent.add(e.figure());
                    mapped.add(e.figure());
                    continue;
                }
                throw new InvalidMappingException(e.line(), perSite ? "noSite" : "noRow", "table " + t.name()
                        + " has no row '" + e.row() + "'" + (perSite ? " (no site has that code)" : ""), t.name(), e.row());
            }
            Cell cell = row.get(c);
            if (!isFigure(cell)) {
                throw new InvalidMappingException(e.line(), "notFigure", "column '" + e.column() + "' of table "
                        + t.name() + " holds no figure", t.name(), e.column());
            }
            mapped.add(e.figure());
            String v = value(cell);
            if (v == null) {
                absent.add(e.figure());
            } else {
                values.add(new Value(e, v));
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (ReportTable t : report.tables()) {
            for (List<Cell> row : t.rows()) {
                String label = row.get(0).shown("");
                for (int c = 1; c < row.size(); c++) {
                    String f = figure(t.name(), label, t.headers().get(c));
                    if (isFigure(row.get(c)) && !mapped.contains(f)) {
                        unmapped.add(f);
                    }
                }
            }
        }
        return new Resolved(dataSet, orgUnit, values, unmapped, absent);
    }

    private static List<Cell> rowOf(ReportTable t, String label) {
        return t.rows().stream().filter(r -> r.get(0) instanceof Cell.Text x && x.text().equals(label)).findFirst()
                .orElse(null);
    }

    private static boolean isFigure(Cell c) {
        return c instanceof Cell.Count || c instanceof Cell.Percent || (c instanceof Cell.Blank);
    }

    /** The exact value as sent: a count, or a percentage with one decimal; null when there is none. */
    private static String value(Cell c) {
        if (c instanceof Cell.Count n) {
            if (n.suppressed()) {
                throw new IllegalArgumentException("a national export carries exact figures only");
            }
            return Long.toString(n.value());
        }
        if (c instanceof Cell.Percent p) {
            return p.value() == null ? null : String.format(Locale.ROOT, "%.1f", p.value());
        }
        return null;
    }

    static String figure(String table, String row, String column) {
        return table + " " + row + "/" + column;
    }
}

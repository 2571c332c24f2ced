package org.outreachdesk.report;

import java.util.Locale;

/** One value of a report table, as it will be shown. */
public sealed interface Cell {

    /** A row label or other text. */
    record Text(String text) implements Cell {
    }

    /**
     * A count (of people, encounters or things). {@code suppressed} cells are shown as the suppression mark
     * ({@code <5}) instead of their value, which stays here only for the totals and tests.
     */
    record Count(long value, boolean suppressed) implements Cell {
    }

    /** A percentage (0–100, may exceed 100 for coverage); null when it is not shown. */
    record Percent(Double value) implements Cell {
    }

    /** Nothing to show (for example a site without an estimated size). */
    record Blank() implements Cell {
    }

    static Text text(String s) {
        return new Text(s);
    }

    static Count count(long v) {
        return new Count(v, false);
    }

    /** The value as a reader sees it: the number, the mark for suppressed cells, or empty. */
    default String shown(String mark) {
        if (this instanceof Text t) {
            return t.text();
        }
        if (this instanceof Count c) {
            return c.suppressed() ? mark : Long.toString(c.value());
        }
        if (this instanceof Blank) {
            return "";
        }
        Double p = ((Percent) this).value();
        return p == null ? "" : String.format(Locale.ROOT, "%.1f", p);
    }
}

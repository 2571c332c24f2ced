package org.outreachdesk.report;

import java.util.Locale;

/** One value of a report table, as it will be shown. */
public sealed interface Cell {

    /** A row label or other text. */
    record Text(String text) implements Cell {
    }

    /**
     * A count (of people, encounters or things). {@code suppressed} cells are shown as a mark instead of their
     * value, which stays here only for the totals and tests: the small-count mark ({@code <5}, the value is truly 1
     * to 4), or {@link #PROTECTIVE_MARK} ({@code x}) when {@code protective}: hidden to protect another cell, or
     * because its whole table or row is withheld; its value may be anything, zero included.
     */
    record Count(long value, boolean suppressed, boolean protective) implements Cell {
        public Count {
            if (protective && !suppressed) {
                throw new IllegalArgumentException("only a suppressed count is shown as x");
            }
        }

        /** A shown count, or one suppressed as a small count ({@code <5}). */
        public Count(long value, boolean suppressed) {
            this(value, suppressed, false);
        }
    }

    /**
     * What a hidden count shows when it is not a promised 1 to 4: hidden to protect another, withheld with its table,
     * or a small count whose {@code <5} would let others be worked out.
     */
    String PROTECTIVE_MARK = "x";

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
            return !c.suppressed() ? Long.toString(c.value()) : c.protective() ? PROTECTIVE_MARK : mark;
        }
        if (this instanceof Blank) {
            return "";
        }
        Double p = ((Percent) this).value();
        return p == null ? "" : String.format(Locale.ROOT, "%.1f", p);
    }
}

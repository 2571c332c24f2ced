package org.outreachdesk.app;

import java.util.List;

/** One page of a longer list: its rows, the total number of rows, and where the page starts. */
public record Paged<T>(List<T> rows, long total, int offset, int limit) {

    public Paged {
        rows = List.copyOf(rows);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + rows.size() < total;
    }

    /** 1-based number of this page. */
    public int pageNumber() {
        return limit <= 0 ? 1 : offset / limit + 1;
    }

    /** Number of pages (at least 1). */
    public int pageCount() {
        return limit <= 0 || total == 0 ? 1 : (int) ((total + limit - 1) / limit);
    }
}

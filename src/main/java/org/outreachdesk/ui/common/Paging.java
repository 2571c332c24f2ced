package org.outreachdesk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ObservableList;

/**
 * Offset paging of a list the database counts and serves a page at a time (incidents, the stock ledger, the
 * referral follow-up list): where the shown page starts, how many rows there are in all, and moving between
 * pages. The view-model owns one, loads {@link #offset()} … {@link #size()} rows and reports the count with
 * {@link #loaded(long)}; moving calls the view-model's reload.
 */
public final class Paging {

    private final int size;
    private final ObservableList<?> shown;
    private final Runnable reload;
    private final IntegerProperty offset = new SimpleIntegerProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final BooleanBinding hasNext;

    /**
     * @param size   rows a page
     * @param shown  the rows of the page on show
     * @param reload loads the page at {@link #offset()} (in the background)
     */
    public Paging(int size, ObservableList<?> shown, Runnable reload) {
        this.size = size;
        this.shown = shown;
        this.reload = reload;
        this.hasNext = Bindings.createBooleanBinding(() -> offset.get() + shown.size() < total.get(), offset, total,
                shown);
    }

    public int size() {
        return size;
    }

    /** Where the page to load starts. */
    public int offset() {
        return offset.get();
    }

    /** The count that came with the page just loaded. */
    public void loaded(long count) {
        total.set(count);
    }

    public void next() {
        if (hasNext.get()) {
            offset.set(offset.get() + size);
            reload.run();
        }
    }

    public void previous() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - size));
            reload.run();
        }
    }

    /** Back to the first page (after a filter changed or a record was added), and reload. */
    public void first() {
        offset.set(0);
        reload.run();
    }

    public IntegerProperty offsetProperty() {
        return offset;
    }

    public LongProperty totalProperty() {
        return total;
    }

    /** Whether there are rows after the page on show. */
    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    /** The page on show, from 1. */
    public int pageNumber() {
        return offset.get() / size + 1;
    }

    /** How many pages there are, at least 1. */
    public long pageCount() {
        return Math.max(1, (total.get() + size - 1) / size);
    }
}

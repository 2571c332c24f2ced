package org.outreachdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;

/** Paging through 120 rows, 50 a page, as the incidents, stock ledger and referral lists do. */
class PagingTest {

    private final ObservableList<Integer> shown = FXCollections.observableArrayList();
    private final List<Integer> loadedAt = new ArrayList<>();
    private final Paging paging = new Paging(50, shown, this::load);

    /** What the view-model's reload does: the page at the offset, and the count. */
    private void load() {
        loadedAt.add(paging.offset());
        shown.setAll(Collections.nCopies((int) Math.max(0, Math.min(50, 120 - paging.offset())), 0));
        paging.loaded(120);
    }

    @Test
    void movesPageByPageWithinTheRows() {
        paging.first();
        assertThat(paging.pageNumber()).isEqualTo(1);
        assertThat(paging.pageCount()).isEqualTo(3);
        assertThat(paging.hasNextProperty().get()).isTrue();

        paging.next();
        paging.next();
        assertThat(paging.offset()).isEqualTo(100);
        assertThat(shown).hasSize(20);
        assertThat(paging.hasNextProperty().get()).as("the last page").isFalse();

        paging.next();
        assertThat(paging.offset()).as("no page after the last").isEqualTo(100);

        paging.previous();
        paging.previous();
        paging.previous();
        assertThat(paging.offset()).as("none before the first").isZero();
        assertThat(loadedAt).containsExactly(0, 50, 100, 50, 0);
    }

    @Test
    void anEmptyListIsOnePageWithNothingAfterIt() {
        paging.loaded(0);
        assertThat(paging.pageCount()).isEqualTo(1);
        assertThat(paging.hasNextProperty().get()).isFalse();
        paging.next();
        assertThat(loadedAt).isEmpty();
    }
}

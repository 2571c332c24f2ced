package org.outreachdesk.app.bench;

/** How big the benchmark's vaults are. {@code large} is a national programme's five years. */
public enum BenchSize {
    SMALL(5_000, 24, 12, 60_000, 10_000),
    LARGE(50_000, 60, 40, 1_000_000, 100_000);

    final int contacts;
    final int months;
    final int sites;
    final long encounters;
    final int importRows;

    BenchSize(int contacts, int months, int sites, long encounters, int importRows) {
        this.contacts = contacts;
        this.months = months;
        this.sites = sites;
        this.encounters = encounters;
        this.importRows = importRows;
    }
}

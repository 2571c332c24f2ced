package org.outreachdesk.domain;

/** The kind of place a site (hotspot) is. */
public enum VenueType implements Coded {
    KTV, BEER_GARDEN, GUESTHOUSE, MASSAGE, STREET, PRIVATE, OTHER;

    @Override
    public String code() {
        return name();
    }
}

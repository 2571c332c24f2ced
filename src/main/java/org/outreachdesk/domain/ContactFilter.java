package org.outreachdesk.domain;

import java.util.UUID;

/**
 * What the contact register shows: contacts whose UIC starts with {@code uicPrefix} (case and blanks
 * ignored; blank for all), of a home site, an assigned worker, a key-population type and a status (null for
 * any), in an order.
 */
public record ContactFilter(String uicPrefix, UUID siteId, UUID staffId, KpType kpType, ContactStatus status,
                            Sort sort) {

    /** Every contact, by UIC. */
    public static final ContactFilter ALL = new ContactFilter(null, null, null, null, null, Sort.UIC);

    /** Orders of the register. Both end with the UIC, which is unique, so pages never overlap. */
    public enum Sort {
        /** By UIC, A to Z. */
        UIC,
        /** Newest first contact first, then by UIC. */
        NEWEST_FIRST
    }

    public ContactFilter {
        sort = sort == null ? Sort.UIC : sort;
    }

    /**
     * The prefix as stored codes begin: uppercase, without blanks or hyphens. Characters a UIC cannot hold
     * are kept, so that such a search finds nothing rather than everything.
     */
    public String normalisedPrefix() {
        return Uic.normalise(uicPrefix);
    }

    public ContactFilter withUicPrefix(String prefix) {
        return new ContactFilter(prefix, siteId, staffId, kpType, status, sort);
    }

    public ContactFilter withSite(UUID site) {
        return new ContactFilter(uicPrefix, site, staffId, kpType, status, sort);
    }

    public ContactFilter withStaff(UUID staff) {
        return new ContactFilter(uicPrefix, siteId, staff, kpType, status, sort);
    }

    public ContactFilter withKpType(KpType kp) {
        return new ContactFilter(uicPrefix, siteId, staffId, kp, status, sort);
    }

    public ContactFilter withStatus(ContactStatus s) {
        return new ContactFilter(uicPrefix, siteId, staffId, kpType, s, sort);
    }

    public ContactFilter withSort(Sort s) {
        return new ContactFilter(uicPrefix, siteId, staffId, kpType, status, s);
    }
}

package org.outreachdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/**
 * What {@link SyncService} needs from the change log (issue 15, ADR 14 points 1 to 5): this vault's version vector,
 * the changes a receiver lacks, and applying a received change stream. The transport treats vectors and change
 * streams as opaque bytes: it carries them, encrypted and signed, and never reads them.
 */
public interface ChangeFeed {

    /** This vault's version vector, encoded by the change log (the sender's acknowledgement in a bundle header). */
    byte[] vector();

    /**
     * Writes every change that a vault holding {@code receiverVector} lacks ({@code receiverVector} is empty when the
     * receiver never sent a bundle: then everything). Streams; never the whole set in the heap.
     */
    void writeChanges(byte[] receiverVector, OutputStream out) throws IOException;

    /**
     * Applies a change stream written by {@link #writeChanges} on another laptop, in one transaction: all of it or
     * nothing. Idempotent (a change already held is counted, not applied again).
     */
    Applied apply(InputStream changes) throws IOException;

    /** Unresolved conflicts, without record content. */
    List<Conflict> conflicts();

    /**
     * What applying a bundle did: changes applied, changes this vault held already (skipped), applied changes that
     * left a field with two values (a conflict), changes held back because they follow a change this vault lacks
     * (an older bundle not read yet: they come again in the next bundle), and contacts merged because they share a
     * UIC (same code, same person).
     */
    record Applied(long applied, long alreadyPresent, long inConflict, long waiting, long merged) {

        /** Counts of a feed that neither holds changes back nor merges contacts. */
        public Applied(long applied, long alreadyPresent, long inConflict) {
            this(applied, alreadyPresent, inConflict, 0, 0);
        }
    }

    /**
     * An unresolved conflict: the record's type and key (as text), the field, and the two laptops (vault device ids, the origins in
     * the change log) whose values disagree.
     */
    record Conflict(String recordType, String recordId, String field, UUID firstDevice, UUID secondDevice) {
    }
}

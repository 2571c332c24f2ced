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

    /** What applying a bundle did. */
    record Applied(long applied, long alreadyPresent, long inConflict) {
    }

    /**
     * An unresolved conflict: the record's type and the field, and the two laptops (vault device ids, the origins in
     * the change log) whose values disagree.
     */
    record Conflict(String recordType, UUID recordId, String field, UUID firstDevice, UUID secondDevice) {
    }
}

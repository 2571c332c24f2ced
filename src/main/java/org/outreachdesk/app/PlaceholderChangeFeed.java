package org.outreachdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * PLACEHOLDER until the change log (issue 15's other half) is wired in: an empty vector, no changes written, a
 * received stream read to its end and nothing applied, no conflicts. It lets the transport (team, bundle files,
 * their checks) run end to end; it syncs no record. {@link ChangeFeeds#of} is the one place to replace it.
 */
final class PlaceholderChangeFeed implements ChangeFeed {

    @Override
    public byte[] vector() {
        return new byte[0];
    }

    @Override
    public void writeChanges(byte[] receiverVector, OutputStream out) {
        // no change log yet: nothing to send
    }

    @Override
    public Applied apply(InputStream changes) throws IOException {
        changes.transferTo(OutputStream.nullOutputStream());
        return new Applied(0, 0, 0);
    }

    @Override
    public List<Conflict> conflicts() {
        return List.of();
    }
}

package org.outreachdesk.vault;

/** A file that is not a sync bundle this program may read: not a bundle, written by a newer version, or damaged. */
public final class BundleDamagedException extends VaultException {

    /** What is wrong with the file. */
    public enum Kind {
        /** The file does not start like an Outreach Desk sync bundle (another file was chosen). */
        NOT_A_BUNDLE,
        /** Written in a newer bundle format or by a newer program version; the message names the version needed. */
        NEWER_VERSION,
        /** A bundle, but a byte was changed, it was cut off, or its signature is not its sender's. */
        DAMAGED
    }

    private final Kind kind;

    BundleDamagedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package org.outreachdesk.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An account of the app: a staff member who can unlock the vault, with a role. */
public record AppUser(RecordMeta meta, String name, Role role, boolean active, String language, UUID staffId) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}._-]{2,64}");

    public AppUser {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(language, "language");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("user name must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (RESERVED_RECOVERY.equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("'" + RESERVED_RECOVERY + "' is reserved for the recovery key");
        }
    }

    /** The name that signs in with the recovery key instead of a user's password. */
    public static final String RESERVED_RECOVERY = "recovery";

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public UUID id() {
        return meta.id();
    }
}

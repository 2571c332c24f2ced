package org.outreachdesk.app;

import java.util.Optional;

import org.outreachdesk.vault.Passwords;

/**
 * The rule for new passwords, for screens that check before asking the vault (which checks again).
 */
public final class PasswordRules {

    /** At least this many characters (any script: every character counts). */
    public static final int MIN_LENGTH = Passwords.MIN_LENGTH;

    /** What is wrong with a proposed password. */
    public enum Problem {
        TOO_SHORT, ONE_CHARACTER_REPEATED
    }

    private PasswordRules() {
    }

    /** The first rule {@code password} breaks, or empty when it is acceptable. */
    public static Optional<Problem> check(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        for (char c : password) {
            if (c != password[0]) {
                return Optional.empty();
            }
        }
        return Optional.of(Problem.ONE_CHARACTER_REPEATED);
    }
}

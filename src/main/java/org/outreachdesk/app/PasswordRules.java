package org.outreachdesk.app;

import java.util.Optional;

import org.outreachdesk.vault.Passwords;

/**
 * The rule for new passwords, for screens that check before asking the vault (which checks again): the vault's own
 * rule (ADR 11), so both always agree.
 */
public final class PasswordRules {

    /** At least this many characters (any script: every character counts). */
    public static final int MIN_LENGTH = Passwords.MIN_LENGTH;

    /** Why a proposed password is refused; {@link #key()} names its text ({@code error.app.<key>}). */
    public enum Problem {
        TOO_SHORT, COMMON, SIMILAR_TO_COMMON, WORD_OR_NAME, OWN_NAMES, KEYBOARD, REPEATS, SEQUENCE, DATES, GUESSABLE;

        /** The message key, {@code password.common} …, the same the services' refusal carries. */
        public String key() {
            return Passwords.Weakness.valueOf(name()).key();
        }
    }

    private PasswordRules() {
    }

    /**
     * Why {@code password} would be refused, or empty when it is acceptable. {@code context}: the user's name and
     * the organisation's, which a guesser tries first.
     */
    public static Optional<Problem> check(char[] password, String... context) {
        return Passwords.weakness(password, context).map(w -> Problem.valueOf(w.name()));
    }
}

package org.outreachdesk.vault;

/** The rule for new passwords: long enough to resist guessing (Argon2id slows each guess). */
public final class Passwords {

    public static final int MIN_LENGTH = 10;

    private Passwords() {
    }

    /** @throws VaultException naming the rule (never the password) when it is too weak */
    public static void requireStrong(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new VaultException("a password needs at least " + MIN_LENGTH + " characters")
                    .keyed("password.short", MIN_LENGTH);
        }
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == password[0];
        }
        if (allSame) {
            throw new VaultException("a password must not be one character repeated")
                    .keyed("password.repeated");
        }
    }
}

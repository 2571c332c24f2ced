package org.outreachdesk.ui.common;

import java.util.Arrays;
import java.util.Optional;

import org.outreachdesk.app.PasswordRules;

/** The checks a screen makes on a new password and its confirmation before asking the vault. */
public final class PasswordCheck {

    private PasswordCheck() {
    }

    /** What is wrong with {@code password} + {@code confirm}, in words; empty when both are fine. */
    public static Optional<String> problem(char[] password, char[] confirm, Messages messages) {
        Optional<PasswordRules.Problem> p = PasswordRules.check(password);
        if (p.isPresent()) {
            return Optional.of(switch (p.get()) {
                case TOO_SHORT -> messages.get("password.error.short", PasswordRules.MIN_LENGTH);
                case ONE_CHARACTER_REPEATED -> messages.get("password.error.repeated");
            });
        }
        if (!Arrays.equals(password, confirm)) {
            return Optional.of(messages.get("password.error.mismatch"));
        }
        return Optional.empty();
    }

    /** The rule in words, for the screens that ask for a new password. */
    public static String rules(Messages messages) {
        return messages.get("password.rules", PasswordRules.MIN_LENGTH);
    }

    /** Overwrites every array given. */
    public static void wipe(char[]... secrets) {
        for (char[] s : secrets) {
            if (s != null) {
                Arrays.fill(s, '\0');
            }
        }
    }
}

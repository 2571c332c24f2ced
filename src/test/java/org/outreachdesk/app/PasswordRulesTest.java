package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outreachdesk.vault.Passwords;
import org.outreachdesk.vault.VaultException;

/** The screens' early check must agree with what the vault accepts. */
class PasswordRulesTest {

    @Test
    void agreesWithTheVaultOnEverySample() {
        String[] samples = {"", "short", "123456789", "1234567890", "aaaaaaaaaaaa", "correct horse battery",
            "ពាក្យសម្ងាត់ខ្មែរ", "ខខខខខខខខខខខ", "          ", "a b c d e f"};
        for (String s : samples) {
            boolean vaultAccepts;
            try {
                Passwords.requireStrong(s.toCharArray());
                vaultAccepts = true;
            } catch (VaultException e) {
                vaultAccepts = false;
            }
            assertThat(PasswordRules.check(s.toCharArray()).isEmpty()).as(s).isEqualTo(vaultAccepts);
        }
        assertThat(PasswordRules.check("short".toCharArray())).contains(PasswordRules.Problem.TOO_SHORT);
        assertThat(PasswordRules.check("xxxxxxxxxxxx".toCharArray())).contains(PasswordRules.Problem.ONE_CHARACTER_REPEATED);
    }
}

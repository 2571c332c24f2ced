package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.outreachdesk.vault.Passwords;
import org.outreachdesk.vault.VaultException;

/** ADR 11: guessable passwords are refused with a reason; good ones, Latin or Khmer, pass; screens agree with the vault. */
class PasswordRulesTest {

    @Test
    void theAttackersPasswordsAreRefusedWithTheirReason() {
        // the four from issue 17 and the kinds a guesser tries first, with the reason a person would give
        Map<String, PasswordRules.Problem> weak = Map.of(
                "password12", PasswordRules.Problem.COMMON,
                "1234567890", PasswordRules.Problem.COMMON,
                "qwertyuiop", PasswordRules.Problem.COMMON,
                "ababababab", PasswordRules.Problem.REPEATS,
                "P@ssw0rd2026", PasswordRules.Problem.SIMILAR_TO_COMMON,
                "short", PasswordRules.Problem.TOO_SHORT,
                "xxxxxxxxxxxx", PasswordRules.Problem.REPEATS);
        weak.forEach((pwd, why) -> assertThat(PasswordRules.check(pwd.toCharArray())).as(pwd).contains(why));
        assertThat(PasswordRules.check("zxcvbnmasdfgh".toCharArray())).isPresent();
    }

    @Test
    void theOrganisationsAndUsersNamesCountAgainstAPassword() {
        assertThat(PasswordRules.check("pursatoutreach".toCharArray())).isEmpty();
        assertThat(PasswordRules.check("pursatoutreach".toCharArray(), "dara", "Pursat Outreach"))
                .contains(PasswordRules.Problem.OWN_NAMES);
    }

    @Test
    void khmerPasswordsAreJudgedByLengthAndVarietyNotRefusedForTheirScript() {
        // a sentence (I love Pursat province, 22 code points, 12 written clusters) and a mixed one pass
        assertThat(PasswordRules.check("ខ្ញុំស្រឡាញ់ខេត្តពោធិ៍សាត់".toCharArray())).isEmpty();
        assertThat(PasswordRules.check("ទឹកភ្លៀងលើម៉ូតូក្រហម".toCharArray())).isEmpty();
        // zxcvbn alone scores the Khmer word for "password" 10^12; it is the first a guesser tries
        assertThat(PasswordRules.check("ពាក្យសម្ងាត់".toCharArray())).isPresent();
        // one letter repeated, the alphabet in order
        assertThat(PasswordRules.check("កកកកកកកកកកកក".toCharArray())).contains(PasswordRules.Problem.REPEATS);
        assertThat(PasswordRules.check("កខគឃងចឆជឈញ".toCharArray())).contains(PasswordRules.Problem.SEQUENCE);
    }

    @Test
    void agreesWithTheVaultOnEverySample() {
        String[] samples = {"", "short", "123456789", "1234567890", "aaaaaaaaaaaa", "correct horse battery",
            "ពាក្យសម្ងាត់ខ្មែរ", "ខខខខខខខខខខខ", "          ", "a b c d e f", "password12", "rain on the red motorbike"};
        for (String s : samples) {
            String vaultKey;
            try {
                Passwords.requireStrong(s.toCharArray());
                vaultKey = null;
            } catch (VaultException e) {
                vaultKey = e.key();
            }
            assertThat(PasswordRules.check(s.toCharArray()).map(PasswordRules.Problem::key).orElse(null)).as(s)
                    .isEqualTo(vaultKey);
        }
        assertThat(PasswordRules.check("correct horse battery".toCharArray())).isEmpty();
        assertThat(PasswordRules.check("rain on the red motorbike".toCharArray())).isEmpty();
    }

    @Test
    void everyReasonHasTheVaultsCounterpart() {
        for (Passwords.Weakness w : Passwords.Weakness.values()) {
            assertThat(PasswordRules.Problem.valueOf(w.name()).key()).isEqualTo(w.key());
        }
        assertThat(PasswordRules.Problem.values()).hasSameSizeAs(Passwords.Weakness.values());
    }

    @Test
    void checkingLeavesThePasswordAsItWas() {
        char[] pwd = "rain on the red motorbike".toCharArray();
        assertThat(PasswordRules.check(pwd)).isEmpty();
        Passwords.requireStrong(pwd, "dara");
        assertThat(new String(pwd)).isEqualTo("rain on the red motorbike");
    }
}

package org.outreachdesk.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * The rule for new passwords (ADR 11): at least {@link #MIN_LENGTH} characters and, by zxcvbn's estimate (its
 * lists of the commonest passwords, words and names, keyboard patterns, repeats, sequences, dates), at least
 * 10^{@value #MIN_GUESSES_LOG10} guesses. Argon2id makes each offline guess cost about half a second.
 *
 * <p>Khmer: zxcvbn has no Khmer dictionary and prices every unknown character at 10 guesses, so a Khmer word of
 * twelve code points (a consonant, its subscript and its vowel signs are several) would count as 10^12. Here a
 * Khmer run is priced per written cluster (what a person sees as one letter) instead, and the commonest Khmer
 * words are a small list of their own: a Khmer password is judged by its length and variety like any other, never
 * refused for its script.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    /** zxcvbn's score 3: at least 10^8 guesses. */
    public static final int MIN_GUESSES_LOG10 = 8;
    /** zxcvbn's time grows fast with length; a longer password is judged by its first this many characters. */
    static final int MEASURED_LENGTH = 100;

    /** Why a password is refused; each has a text in the desktop's bundles ({@code error.app.<key>}). */
    public enum Weakness {
        TOO_SHORT("password.short"),
        COMMON("password.common"),
        SIMILAR_TO_COMMON("password.similar"),
        WORD_OR_NAME("password.word"),
        OWN_NAMES("password.ownNames"),
        KEYBOARD("password.keyboard"),
        REPEATS("password.repeats"),
        SEQUENCE("password.sequence"),
        DATES("password.dates"),
        GUESSABLE("password.guessable");

        private final String key;

        Weakness(String key) {
            this.key = key;
        }

        /** The message key ({@code password.common} …). */
        public String key() {
            return key;
        }
    }

    /** Words of this program that a password should not lean on (the user's and organisation's names are added). */
    private static final List<String> PROGRAM_WORDS = List.of("outreach", "desk", "outreachdesk", "vault",
            "recovery", "admin", "administrator", "coordinator", "manager", "worker");

    /** The commonest Khmer password words (our own list: password, Cambodia, I love you, hello, thank you, Pursat…). */
    static final List<String> KHMER_COMMON = List.of("ពាក្យសម្ងាត់", "កម្ពុជា", "ខ្មែរ", "ស្រឡាញ់",
            "ខ្ញុំស្រឡាញ់អ្នក", "សួស្តី", "អរគុណ", "ភ្នំពេញ", "ពោធិ៍សាត់", "ព្រះអង្គ", "ជ័យយោ");

    private static final String KHMER_DICTIONARY = "khmer_common";
    private static final String USER_INPUTS = "user_inputs";
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Passwords() {
    }

    /** @throws VaultException naming the weakness (never the password) when it is too weak */
    public static void requireStrong(char[] password, String... context) {
        Optional<Weakness> w = weakness(password, context);
        if (w.isPresent()) {
            Weakness k = w.get();
            String english = switch (k) {
                case TOO_SHORT -> "a password needs at least " + MIN_LENGTH + " characters";
                case COMMON -> "the password is one of the commonest passwords";
                case SIMILAR_TO_COMMON -> "the password is a common password with small changes";
                case WORD_OR_NAME -> "the password is a word or a name on its own";
                case OWN_NAMES -> "the password is built on a user's, the organisation's or the program's name";
                case KEYBOARD -> "the password is a row or pattern of keys";
                case REPEATS -> "the password is repeated characters or groups";
                case SEQUENCE -> "the password is a sequence like abcd or 6543";
                case DATES -> "the password leans on a year or a date";
                case GUESSABLE -> "the password is too easy to guess";
            };
            throw new VaultException(english + ": a sentence of three or four words of your own would do")
                    .keyed(k.key(), MIN_LENGTH);
        }
    }

    /**
     * Why {@code password} would be refused, or empty when it is strong enough. {@code context} holds words a
     * guesser would try first (the user's name, the organisation's); the program's own words are always added.
     */
    public static Optional<Weakness> weakness(char[] password, String... context) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        List<String> inputs = new ArrayList<>(PROGRAM_WORDS);
        for (String c : context) {
            if (c != null && !c.isBlank()) {
                inputs.add(c.strip().toLowerCase(Locale.ROOT));
                for (String part : c.strip().toLowerCase(Locale.ROOT).split("[\\s._-]+")) {
                    if (part.length() >= 3) {
                        inputs.add(part);
                    }
                }
            }
        }
        // a copy: zxcvbn wipes what it measured (Strength.wipe), and the caller still needs the password
        char[] copy = Arrays.copyOf(password, Math.min(password.length, MEASURED_LENGTH));
        Strength s = Estimator.ZXCVBN.measure(CharBuffer.wrap(copy), inputs);
        try {
            double log10 = s.getGuessesLog10() - khmerOvercount(s.getSequence());
            if (log10 >= MIN_GUESSES_LOG10) {
                return Optional.empty();
            }
            return Optional.of(why(s.getSequence()));
        } finally {
            s.wipe();
            Arrays.fill(copy, '\0');
        }
    }

    /** Loads zxcvbn's lists ahead of the first check (a background task at start). */
    public static void warmUp() {
        weakness("warm up the estimator".toCharArray());
    }

    /**
     * How many powers of ten zxcvbn gave the Khmer text it could not match (10 a code point) above 10 a written
     * cluster.
     */
    private static int khmerOvercount(List<Match> sequence) {
        int over = 0;
        for (Match m : sequence) {
            if (m.pattern != com.nulabinc.zxcvbn.Pattern.Bruteforce) {
                continue;
            }
            Matcher clusters = CLUSTER.matcher(m.token);
            while (clusters.find()) {
                String cluster = clusters.group();
                if (cluster.codePoints().anyMatch(Passwords::isKhmer)) {
                    over += cluster.length() - 1;
                }
            }
        }
        return over;
    }

    private static boolean isKhmer(int cp) {
        return Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.KHMER
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.KHMER_SYMBOLS;
    }

    /** The weakness behind the estimate: the first pattern zxcvbn found, in the order of its own feedback. */
    private static Weakness why(List<Match> sequence) {
        Weakness found = null;
        for (Match m : sequence) {
            Weakness w = switch (m.pattern) {
                case Dictionary -> dictionaryWeakness(m);
                case Spatial -> Weakness.KEYBOARD;
                case Repeat -> Weakness.REPEATS;
                case Sequence -> Weakness.SEQUENCE;
                case Regex, Date -> Weakness.DATES;
                default -> null;
            };
            if (w != null && (found == null || rank(w) < rank(found))) {
                found = w;
            }
        }
        return found == null ? Weakness.GUESSABLE : found;
    }

    private static Weakness dictionaryWeakness(Match m) {
        String dict = m.dictionaryName == null ? "" : m.dictionaryName;
        if (USER_INPUTS.equals(dict)) {
            return Weakness.OWN_NAMES;
        }
        if ("passwords".equals(dict) || KHMER_DICTIONARY.equals(dict)) {
            return m.l33t || m.reversed || !m.token.toString().toLowerCase(Locale.ROOT).equals(m.matchedWord.toString())
                    ? Weakness.SIMILAR_TO_COMMON : Weakness.COMMON;
        }
        return Weakness.WORD_OR_NAME;
    }

    /** Which of several weaknesses to name: the one a guesser tries first. */
    private static int rank(Weakness w) {
        return w.ordinal();
    }

    /** zxcvbn with its standard lists and keyboards plus the Khmer list, built once on first use. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = build();

        private static Zxcvbn build() {
            try {
                return new ZxcvbnBuilder()
                        .dictionaries(StandardDictionaries.loadAllDictionaries())
                        .dictionary(new Dictionary(KHMER_DICTIONARY, KHMER_COMMON))
                        .keyboards(StandardKeyboards.loadAllKeyboards())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("zxcvbn's lists could not be read", e);
            }
        }
    }
}

package org.outreachdesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.outreachdesk.app.AppException;
import org.outreachdesk.domain.Problem;

/** The user-facing strings of the desktop app, from {@code i18n/messages*.properties}. */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        // no fallback to the JVM's default locale: on a laptop whose language is Khmer, a user who chose English
        // would otherwise get the Khmer bundle (ResourceBundle tries the default locale before the base bundle)
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /**
     * What to show for a service's failure in this language: {@code error.app.<key>} with the failure's
     * arguments when it has a key and the bundle a text for it; otherwise its English message as it is.
     */
    public String of(AppException failure) {
        return of(failure.problem(), failure.getMessage());
    }

    /**
     * {@code error.app.<key>} of {@code problem} with its arguments when the bundle has a text for it; otherwise
     * {@code english} as it is.
     */
    public String of(Problem problem, String english) {
        if (problem != null && bundle.containsKey("error.app." + problem.key())) {
            Object[] args = problem.args().toArray();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof AppException.Word w) {
                    String word = get("error.word." + w.key());
                    args[i] = word.startsWith("!") ? w.english() : word;
                }
            }
            return get("error.app." + problem.key(), args);
        }
        return english == null ? "" : english;
    }

    /**
     * The text for {@code problem}'s own key ({@code import.problem.EMPTY} …) with its arguments, or {@code english}
     * when there is no problem or the bundle has no text for it.
     */
    public String text(Problem problem, String english) {
        if (problem != null && bundle.containsKey(problem.key())) {
            return get(problem.key(), problem.args().toArray());
        }
        return english == null ? "" : english;
    }

    /** Whether the bundle has a text for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@code args} put into its {@code {0}}, {@code {1}} … places. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}

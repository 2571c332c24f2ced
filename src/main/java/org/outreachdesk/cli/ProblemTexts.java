package org.outreachdesk.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.Problem;

/**
 * An import problem's line for standard error, its problem and expectation in the user's language (the desktop's
 * bundles, {@code import.problem.*} and {@code import.expected.*}): {@code row 5, date: … (expected: …)}. The line's
 * frame stays as DOMAIN.md and scripts know it; for English it is {@link ImportProblem#describe()} exactly.
 */
final class ProblemTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    /** @param languageTag the user's language ({@code en}, {@code km}); anything but Khmer is English */
    ProblemTexts(String languageTag) {
        Locale l = languageTag == null ? Locale.ENGLISH : Locale.forLanguageTag(languageTag);
        if (l.getLanguage().equals("km")) {
            this.locale = l;
            this.bundle = ResourceBundle.getBundle("i18n.messages", l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } else {
            this.locale = Locale.ENGLISH;
            this.bundle = null;
        }
    }

    String describe(ImportProblem p) {
        if (bundle == null) {
            return p.describe();
        }
        return "row " + p.row() + ", " + p.column() + ": " + text(p.what(), p.problem()) + " (expected: "
                + text(p.expects(), p.expected()) + ")";
    }

    private String text(Problem problem, String english) {
        if (problem == null || !bundle.containsKey(problem.key())) {
            return english;
        }
        String pattern = bundle.getString(problem.key());
        return problem.args().isEmpty() ? pattern : new MessageFormat(pattern, locale).format(problem.args().toArray());
    }
}

package org.outreachdesk.ui.common;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The one wrapping text of the app, safe for Khmer. JavaFX 21 mis-draws Khmer text that it wraps itself (the
 * first line is drawn to the end of the paragraph, over the box, and the rest again below; in a {@code Label}
 * and a one-{@code Text} {@code TextFlow} alike), so for text with Khmer letters this label breaks the lines
 * itself, at spaces and zero-width spaces, to fit its width: JavaFX only ever sees lines that fit. A Khmer run
 * wider than the whole width (no space to break at) is broken between letter clusters, never inside one
 * (a subscript consonant or a vowel sign stays with its base), rather than being cut off. Other text wraps the
 * usual way.
 *
 * <p>Set the text through {@link #sourceProperty()} (or the constructor), not {@code setText}/{@code textProperty},
 * which hold what is shown (the source with line breaks added). It is a {@link Label}: style classes
 * ({@code hint}, {@code field-error} …), ids and {@code -fx-text-fill} work as on any label.
 *
 * <p>Replaces the three local workarounds that were: {@code ui/vault/WrapLabel}, {@code ui/importer/Paragraph}
 * and the hand-made line breaks of the encounter desk's Khmer texts.
 */
public final class Wrapped extends Label {

    private static final Text MEASURE = new Text();
    private static final Locale KHMER = Locale.forLanguageTag("km");
    private static final double KHMER_LINE_SPACING = 3;

    private final StringProperty source = new SimpleStringProperty("");
    private double brokenFor = -1;

    public Wrapped() {
        this("");
    }

    public Wrapped(String text) {
        setMaxWidth(Double.MAX_VALUE);
        setMinHeight(USE_PREF_SIZE);
        source.addListener((obs, old, now) -> refresh(true));
        widthProperty().addListener((obs, old, now) -> refresh(false));
        fontProperty().addListener((obs, old, now) -> refresh(true));
        source.set(text == null ? "" : text);
        refresh(true);
    }

    /** The text as written; what is shown ({@link #getText()}) may have line breaks added. */
    public StringProperty sourceProperty() {
        return source;
    }

    public String getSource() {
        return source.get();
    }

    public void setSource(String text) {
        source.set(text);
    }

    /** Whether {@code s} holds Khmer letters (U+1780–U+17FF, U+19E0–U+19FF). */
    public static boolean needsOwnBreaks(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u1780' && c <= '\u17FF') || (c >= '\u19E0' && c <= '\u19FF')) {
                return true;
            }
        }
        return false;
    }

    private void refresh(boolean force) {
        String s = source.get() == null ? "" : source.get();
        if (!needsOwnBreaks(s)) {
            setLineSpacing(0);
            setWrapText(true);
            setText(s);
            return;
        }
        setWrapText(false);
        // Khmer's subscripts and vowels below reach into the next line without a little air
        setLineSpacing(KHMER_LINE_SPACING);
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        if (w <= 0) {
            // not laid out yet: one line per paragraph, until the width is known
            setText(s);
            return;
        }
        if (!force && Math.abs(w - brokenFor) < 0.5) {
            return;
        }
        brokenFor = w;
        setText(breakLines(s, getFont(), w - 2));
    }

    /**
     * {@code text} with line breaks so that no line is wider than {@code width}: at spaces (and zero-width
     * spaces); a word wider than {@code width} alone is broken between letter clusters.
     */
    public static String breakLines(String text, Font font, double width) {
        MEASURE.setFont(font);
        StringBuilder out = new StringBuilder();
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder();
            List<String> tokens = new ArrayList<>(tokens(paragraphs[p]));
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                String candidate = line + token;
                if (width(candidate.stripTrailing()) <= width) {
                    line.append(token);
                    continue;
                }
                if (line.length() > 0) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line.setLength(0);
                    token = token.stripLeading();
                }
                if (width(token.stripTrailing()) > width) {
                    // one word wider than the whole line: as much of it as fits, the rest goes on
                    int cut = fittingClusters(token, width);
                    if (cut > 0 && cut < token.length()) {
                        tokens.add(i + 1, token.substring(cut));
                        token = token.substring(0, cut);
                        out.append(token).append('\n');
                        continue;
                    }
                }
                line.append(token);
            }
            out.append(line.toString().stripTrailing());
        }
        return out.toString();
    }

    /** How many chars of {@code word} make the longest start, ending between letter clusters, that fits. */
    private static int fittingClusters(String word, double width) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(KHMER);
        clusters.setText(word);
        int best = 0;
        for (int end = clusters.next(); end != BreakIterator.DONE; end = clusters.next()) {
            if (!canBreakAt(word, end)) {
                continue;
            }
            if (width(word.substring(0, end)) > width) {
                break;
            }
            best = end;
        }
        return best;
    }

    /** Never between a coeng (U+17D2) and its consonant, nor before a combining sign. */
    private static boolean canBreakAt(String s, int i) {
        if (i <= 0 || i >= s.length()) {
            return true;
        }
        if (s.charAt(i - 1) == '\u17D2') {
            return false;
        }
        int type = Character.getType(s.charAt(i));
        return type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                && type != Character.ENCLOSING_MARK;
    }

    /** Words with the space after them; a zero-width space also ends a word. */
    private static List<String> tokens(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            boolean end = (c == ' ' || c == '\u200B') && (i + 1 >= paragraph.length() || paragraph.charAt(i + 1) != ' ');
            if (end) {
                out.add(paragraph.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < paragraph.length()) {
            out.add(paragraph.substring(start));
        }
        return out;
    }

    private static double width(String s) {
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}

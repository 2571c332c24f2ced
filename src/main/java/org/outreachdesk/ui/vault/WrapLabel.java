package org.outreachdesk.ui.vault;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A label whose text wraps, also in Khmer. JavaFX 21 mis-draws Khmer text that it wraps itself (the first
 * line is drawn to the end of the paragraph, over the box, and the rest again below), so for text with Khmer
 * letters this label breaks the lines itself, at spaces and zero-width spaces, to fit its width; JavaFX then
 * only sees lines that fit. Other text wraps the usual way.
 *
 * <p>Set the text through {@link #sourceProperty()} (or the constructor), not {@code setText}.
 */
public final class WrapLabel extends Label {

    private static final Text MEASURE = new Text();

    private final StringProperty source = new SimpleStringProperty("");
    private double brokenFor = -1;

    public WrapLabel() {
        this("");
    }

    public WrapLabel(String text) {
        setMaxWidth(Double.MAX_VALUE);
        setMinHeight(USE_PREF_SIZE);
        source.addListener((obs, old, now) -> refresh(true));
        widthProperty().addListener((obs, old, now) -> refresh(false));
        fontProperty().addListener((obs, old, now) -> refresh(true));
        source.set(text == null ? "" : text);
        refresh(true);
    }

    /** The text as written; what is shown may have line breaks added. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** Whether {@code s} holds Khmer letters (U+1780–U+17FF, U+19E0–U+19FF). */
    static boolean needsOwnBreaks(String s) {
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
            setWrapText(true);
            setText(s);
            return;
        }
        setWrapText(false);
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

    /** {@code text} with line breaks so that no line is wider than {@code width} (single words excepted). */
    static String breakLines(String text, Font font, double width) {
        MEASURE.setFont(font);
        StringBuilder out = new StringBuilder();
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder();
            for (String token : tokens(paragraphs[p])) {
                String candidate = line + token;
                if (line.length() > 0 && width(candidate.stripTrailing()) > width) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line.setLength(0);
                    line.append(token.stripLeading());
                } else {
                    line.append(token);
                }
            }
            out.append(line.toString().stripTrailing());
        }
        return out.toString();
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

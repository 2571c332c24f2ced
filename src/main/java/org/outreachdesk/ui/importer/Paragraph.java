package org.outreachdesk.ui.importer;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A text that wraps within its width, in any script. Each space-separated word is its own {@link Text}
 * node: JavaFX's layout of complex scripts such as Khmer draws a run of text past the point where a
 * wrapping label or a single-text flow breaks its line, so lines must break between nodes instead.
 */
final class Paragraph extends TextFlow {

    private final StringProperty text = new SimpleStringProperty("");
    private String wordStyle = "";

    Paragraph() {
        setMaxWidth(Double.MAX_VALUE);
        setMinHeight(Region.USE_PREF_SIZE);
        text.addListener((obs, old, now) -> rebuild());
    }

    Paragraph(String text) {
        this();
        this.text.set(text);
    }

    StringProperty textProperty() {
        return text;
    }

    String getText() {
        return text.get();
    }

    /** CSS for every word, e.g. a fill colour or weight ({@code -fx-fill: #b00020;}). */
    Paragraph wordStyle(String style) {
        this.wordStyle = style;
        rebuild();
        return this;
    }

    private void rebuild() {
        String t = text.get() == null ? "" : text.get();
        getChildren().clear();
        int start = 0;
        while (start < t.length()) {
            int space = t.indexOf(' ', start);
            int end = space < 0 ? t.length() : space + 1;
            Text word = new Text(t.substring(start, end));
            word.setStyle(wordStyle);
            getChildren().add(word);
            start = end;
        }
    }
}

package org.outreachdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * The Khmer font shipped inside the app (Khmer OS System, LGPL-2.1+, from Debian's fonts-khmeros; its
 * licence is beside it in the jar), so a laptop without Khmer fonts still shows proper text: no boxes,
 * subscript consonants and vowels placed correctly. It also covers Latin letters and digits, so codes
 * (UIC, FSW, KP_PREV) look right inside Khmer text.
 */
public final class Fonts {

    public static final String KHMER_FAMILY = "Khmer OS System";
    private static final String KHMER_RESOURCE = "/org/outreachdesk/ui/fonts/KhmerOSsys.ttf";
    /** Style class on a scene's root while the interface is in Khmer (see outreach-desk.css). */
    public static final String KHMER_STYLE = "khmer";

    private static volatile boolean loaded;

    private Fonts() {
    }

    /** Registers the bundled font with JavaFX (once); call before the first Khmer text is laid out. */
    public static synchronized void loadBundled() {
        if (loaded) {
            return;
        }
        try (InputStream in = Fonts.class.getResourceAsStream(KHMER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled Khmer font missing");
            }
            Font f = Font.loadFont(in, 13);
            if (f == null || !KHMER_FAMILY.equals(f.getFamily())) {
                throw new IllegalStateException("bundled Khmer font could not be loaded");
            }
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Switches {@code root} (and everything in it) to the Khmer font when {@code locale} is Khmer. */
    public static void apply(Parent root, Locale locale) {
        boolean khmer = "km".equals(locale.getLanguage());
        if (khmer) {
            loadBundled();
            if (!root.getStyleClass().contains(KHMER_STYLE)) {
                root.getStyleClass().add(KHMER_STYLE);
            }
        } else {
            root.getStyleClass().remove(KHMER_STYLE);
        }
    }
}

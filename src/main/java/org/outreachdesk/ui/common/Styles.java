package org.outreachdesk.ui.common;

import java.util.Objects;

/** The application's stylesheet. */
public final class Styles {

    private Styles() {
    }

    public static String url() {
        return Objects.requireNonNull(Styles.class.getResource("/org/outreachdesk/ui/outreach-desk.css"),
                "stylesheet missing").toExternalForm();
    }
}

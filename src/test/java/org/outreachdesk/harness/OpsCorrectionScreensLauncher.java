package org.outreachdesk.harness;

import javafx.application.Application;

/** Starts {@link OpsCorrectionScreensHarness} from the class path (a main class that is not an Application). */
public final class OpsCorrectionScreensLauncher {

    private OpsCorrectionScreensLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(OpsCorrectionScreensHarness.class, args);
    }
}

package org.outreachdesk.harness;

import javafx.application.Application;

/** Starts {@link CorrectionScreensHarness} from the class path (a main class that is not an Application). */
public final class CorrectionScreensLauncher {

    private CorrectionScreensLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(CorrectionScreensHarness.class, args);
    }
}

package org.outreachdesk.harness;

/** Starts {@link OpsScreensHarness} from the class path (a main class that is not an Application). */
public final class OpsScreensLauncher {

    private OpsScreensLauncher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(OpsScreensHarness.class, args);
    }
}

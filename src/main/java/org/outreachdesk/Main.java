package org.outreachdesk;

import javafx.application.Application;

import org.outreachdesk.app.AppDirectories;
import org.outreachdesk.cli.Cli;
import org.outreachdesk.ui.OutreachDeskApp;

/**
 * Entry point. Without arguments the desktop app opens; with a command the command line runs headless.
 * (This class does not extend {@code Application}, so the jar and jpackage can start JavaFX from the class
 * path.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before any logger exists: logs go to the per-user data folder, never next to the program
        if (System.getProperty("outreachdesk.logdir") == null) {
            System.setProperty("outreachdesk.logdir", AppDirectories.system().logs().toString());
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length == 0) {
            Application.launch(OutreachDeskApp.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}

package org.outreachdesk;

import javafx.application.Application;

import org.outreachdesk.app.AppDirectories;
import org.outreachdesk.cli.Cli;
import org.outreachdesk.ui.OutreachDeskApp;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

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
        ownerOnlyLogs(Path.of(System.getProperty("outreachdesk.logdir")));
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length == 0) {
            Application.launch(OutreachDeskApp.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }

    /**
     * The log folder 0700 and its files 0600 on POSIX systems (issue 17.8), before the logger opens a file: logs hold
     * no record content, but user names and times of work are nobody else's business.
     */
    static void ownerOnlyLogs(Path logs) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(logs);
            Files.setPosixFilePermissions(logs,
                    PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(f,
                            PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not fatal: the program still runs; the folder keeps the modes it had
        }
    }
}

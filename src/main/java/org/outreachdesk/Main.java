package org.outreachdesk;

import org.outreachdesk.app.AppDirectories;

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
        ownerOnlyLogs(java.nio.file.Path.of(System.getProperty("outreachdesk.logdir")));
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length == 0) {
            javafx.application.Application.launch(org.outreachdesk.ui.OutreachDeskApp.class, args);
        } else {
            System.exit(org.outreachdesk.cli.Cli.run(args));
        }
    }

    /**
     * The log folder 0700 and its files 0600 on POSIX systems (issue 17.8), before the logger opens a file: logs hold
     * no record content, but user names and times of work are nobody else's business.
     */
    static void ownerOnlyLogs(java.nio.file.Path logs) {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(logs);
            java.nio.file.Files.setPosixFilePermissions(logs,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(logs)) {
                for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    java.nio.file.Files.setPosixFilePermissions(f,
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not fatal: the program still runs; the folder keeps the modes it had
        }
    }
}

package org.outreachdesk.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temp folders for the harnesses and showcases (main classes in the test sources, not tests): made here, they are
 * deleted, with what they hold, when the harness's JVM ends, so a run leaves nothing behind in the temp folder.
 */
public final class TempFolders {

    private TempFolders() {
    }

    /** A new temp folder that is deleted when this JVM exits. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + prefix));
        return dir;
    }

    /** Deletes {@code dir} and everything under it (nothing when it is gone already). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.reetrace.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data folders for the embedded PostgreSQL in tests: fresh ones under {@code target/}, so a run never
 * sees an earlier run's data and {@code mvn clean} removes them all.
 */
public final class TestDataDirs {

    private static final Path ROOT = Path.of("target", "it-postgres").toAbsolutePath();

    private TestDataDirs() {
    }

    /** The folder under which every test's data folder is made. */
    public static Path root() {
        return ROOT;
    }

    /** A new empty folder, for a test that starts and stops servers of its own. */
    public static Path fresh(String purpose) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

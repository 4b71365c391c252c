package org.reetrace.app.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file that a running PostgreSQL server keeps in its data folder. Its lines
 * are fixed by PostgreSQL (src/include/utils/pidfile.h): 1 process id, 2 data folder, 3 start time,
 * 4 port, 5 socket folder, 6 listen address, 7 shared memory key, 8 status. A leftover file from a
 * crashed server looks the same, so callers still check that the port answers.
 */
public record PostmasterPid(long pid, int port) {

    static final String FILE_NAME = "postmaster.pid";

    public PostmasterPid {
        if (pid <= 0) {
            throw new IllegalArgumentException("postmaster pid " + pid);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("postmaster port " + port);
        }
    }

    /** The pid file of the server on {@code dataDir}, or empty when there is none or it is unreadable. */
    public static Optional<PostmasterPid> in(Path dataDir) {
        try {
            return parse(Files.readAllLines(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    static Optional<PostmasterPid> parse(List<String> lines) {
        // a server that is still starting may have written only the first lines
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(
                    Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.reetrace.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code serve} or {@code demo} leaves beside its data folder ({@code ~/.reetrace/postgres-server.properties})
 * so that a command in another terminal finds it: the URL it listens on, its process id, and for the demo the file of
 * its tokens. Written when it starts listening, removed when it stops; a file left by a killed server names a process
 * that no longer runs, and is ignored.
 *
 * @param url    the base URL, ending in {@code /}
 * @param pid    the server's process
 * @param tokens the demo's token file (0600), whose regulator token the commands use, if any
 */
record ServerFile(URI url, long pid, Optional<Path> tokens) {

    /** The file for the data folder {@code dataDir}. */
    static Path besides(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-server.properties");
    }

    /** The server file at {@code file}, if there is one that can be read and its process still runs. */
    static Optional<ServerFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
            ServerFile server = new ServerFile(URI.create(p.getProperty("url")), Long.parseLong(p.getProperty("pid")),
                    Optional.ofNullable(p.getProperty("tokens")).map(Path::of));
            return ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive).map(alive -> server);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // half written or not ours: as if no server ran
        }
    }

    /** Writes this file, readable by the user only (a temp file moved into place, so a reader sees all of it or none). */
    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path next = Files.createTempFile(dir, ".server", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties p = new Properties();
        p.setProperty("url", url.toString());
        p.setProperty("pid", Long.toString(pid));
        tokens.ifPresent(t -> p.setProperty("tokens", t.toAbsolutePath().toString()));
        try (Writer out = Files.newBufferedWriter(next, StandardCharsets.ISO_8859_1)) {
            p.store(out, "reetrace server running (commands in other terminals ask it)");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file at {@code file} if it still names this server (another may have started on the same folder). */
    void remove(Path file) {
        try {
            if (read(file).filter(other -> other.pid() == pid && other.url().equals(url)).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a stale file is ignored by readers anyway
        }
    }

    /** The demo's regulator token from its token file, if it has one. */
    Optional<String> regulatorToken() {
        return tokens.flatMap(file -> {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(in);
                return Optional.ofNullable(p.getProperty("regulator"));
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }
}

package org.reetrace.app.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.reetrace.app.security.Caller;
import org.reetrace.app.security.IssueToken;

/**
 * The demo's tokens, kept in clear text in a file beside the data folder that only the user may read (0600), so that
 * every start of the demo prints the same tokens instead of adding new ones to the database. A kept token is used
 * again while the database still takes it for the same caller; one that is missing, expired, revoked or from another
 * database is issued anew and the file rewritten.
 */
public final class DemoTokens {

    /** The demo acts as the regulator who issues its tokens. */
    private static final Caller ISSUER = DemoLoader.REGULATOR;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final IssueToken tokens;

    DemoTokens(Path file, IssueToken tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** The file for the embedded database in {@code dataDir}: {@code ~/.reetrace/postgres-demo-tokens.properties}. */
    public static Path besides(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-demo-tokens.properties");
    }

    /** A valid token for each caller, by key, reusing those in the file. */
    Map<String, String> tokensFor(Map<String, Caller> callers) {
        Properties kept = read();
        Map<String, String> result = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Caller> wanted : callers.entrySet()) {
            String token = kept.getProperty(wanted.getKey());
            if (token == null || !tokens.holder(token).filter(wanted.getValue()::equals).isPresent()) {
                token = tokens.issue(ISSUER, wanted.getValue(), Optional.empty()).token();
                changed = true;
            }
            result.put(wanted.getKey(), token);
        }
        if (changed) {
            write(result);
        }
        return result;
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable: the tokens are issued anew and the file replaced
                p.clear();
            }
        }
        return p;
    }

    private void write(Map<String, String> tokenByKey) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = Files.createTempFile(file.toAbsolutePath().getParent(), ".demo-tokens", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.ISO_8859_1)) {
                Properties p = new Properties();
                p.putAll(tokenByKey);
                p.store(out, "reetrace demo API tokens: secrets, readable by this user only");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo tokens in " + file + ": " + e.getMessage(), e);
        }
    }
}

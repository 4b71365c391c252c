package org.reetrace.app.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the ledger's PostgreSQL lives ({@code reetrace.database.*}, or {@code REETRACE_DATABASE_*} in the
 * environment). Validated once at start, so a wrong port or a blank URL stops the application before
 * anything touches the data.
 *
 * @param url      JDBC URL of an external PostgreSQL 15 or newer; when set, no embedded server is started
 * @param username user for the external server (the embedded server always uses its own superuser)
 * @param password password for the external server
 * @param dataDir  data folder of the embedded server; it persists across restarts
 * @param port     port of the embedded server, 0 for any free port
 * @param durable  whether the embedded server this process starts commits durably (fsync, synchronous_commit,
 *                 full_page_writes on): true unless a test chooses speed; an external server or one already running
 *                 keeps its own settings, which {@code serve} logs at start
 */
@Validated
@ConfigurationProperties("reetrace.database")
public record DatabaseSettings(
        String url,
        String username,
        String password,
        @NotNull Path dataDir,
        @Min(0) @Max(65535) int port,
        @DefaultValue("true") boolean durable) {

    public DatabaseSettings {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "reetrace.database.url must be a jdbc:postgresql: URL, was " + url);
        }
        if (dataDir != null) {
            dataDir = dataDir.toAbsolutePath().normalize();
        }
    }

    /** The external server's URL, or empty when reetrace runs its own embedded PostgreSQL. */
    public Optional<String> externalUrl() {
        return Optional.ofNullable(url);
    }
}

package org.reetrace.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The database options every command that opens the ledger shares ({@code @Mixin DatabaseOptions}).
 * Unset options leave the configuration ({@code reetrace.database.*}, {@code REETRACE_DATABASE_*}) as it is.
 */
public final class DatabaseOptions {

    @Option(names = "--database-url", paramLabel = "JDBC-URL",
            description = "An external PostgreSQL 15+ (jdbc:postgresql://host:port/db) instead of the embedded one."
                    + " User and password: REETRACE_DATABASE_USERNAME, REETRACE_DATABASE_PASSWORD.")
    String url;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder of the embedded PostgreSQL (default: ~/.reetrace/postgres).")
    Path dataDir;

    /** These options as a command line takes them (empty for the defaults), for commands printed to be run. */
    String asOptions() {
        if (url != null) {
            return " --database-url " + url;
        }
        return dataDir == null ? "" : " --data-dir " + dataDir.toAbsolutePath();
    }

    /** Spring command-line arguments, which take precedence over every other property source. */
    List<String> springArguments() {
        List<String> arguments = new ArrayList<>();
        if (url != null) {
            arguments.add("--reetrace.database.url=" + url);
        }
        if (dataDir != null) {
            arguments.add("--reetrace.database.data-dir=" + dataDir.toAbsolutePath());
        }
        return arguments;
    }
}

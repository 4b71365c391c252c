package org.reetrace.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command that serves the application takes ({@code @Mixin ServerOptions}): the database and the port. */
final class ServerOptions {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;
}

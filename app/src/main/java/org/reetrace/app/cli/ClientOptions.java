package org.reetrace.app.cli;

import picocli.CommandLine.Option;

/**
 * Where a reading command finds a running server ({@code @Mixin ClientOptions}); see {@link ServerLocation} for the
 * order in which the options, the environment and the server file are consulted.
 */
final class ClientOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "A running reetrace to ask over its API, e.g. http://localhost:8080/ (default: REETRACE_SERVER,"
                    + " else the server that 'serve' or 'demo' on the default data folder says it runs).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The API token to ask it with (default: REETRACE_TOKEN, else the demo's regulator token).")
    String token;

    @Option(names = "--offline", description = "Open the database directly even if a server runs.")
    boolean offline;
}

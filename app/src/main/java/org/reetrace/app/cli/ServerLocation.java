package org.reetrace.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The running server a reading command asks, and the token it asks with. Found, first match wins:
 * <ol>
 * <li>none at all with {@code --offline}, {@code --data-dir} or {@code --database-url}: the command opens that
 * database itself;</li>
 * <li>{@code --server URL}, else {@code REETRACE_SERVER};</li>
 * <li>the server file a running {@code serve} or {@code demo} left beside the default data folder
 * ({@code REETRACE_DATABASE_DATADIR}, else {@code ~/.reetrace/postgres}); see {@link ServerFile}.</li>
 * </ol>
 * The token: {@code --token}, else {@code REETRACE_TOKEN}, else the demo's regulator token when the server was found
 * by its file. A server named explicitly that does not answer is an error; one found by its file that does not answer
 * is as if none ran.
 *
 * @param url         the base URL, ending in {@code /}
 * @param urlSource   where the URL came from, for messages ("--server", "REETRACE_SERVER", the file)
 * @param token       the bearer token, if any
 * @param tokenSource where the token came from, for messages
 * @param explicit    whether the user named the server (then it must answer)
 */
record ServerLocation(URI url, String urlSource, Optional<String> token, String tokenSource, boolean explicit) {

    static final String SERVER_VARIABLE = "REETRACE_SERVER";
    static final String TOKEN_VARIABLE = "REETRACE_TOKEN";
    static final String DATA_DIR_VARIABLE = "REETRACE_DATABASE_DATADIR";

    /** The server to ask, or empty when the command opens the database itself. */
    static Optional<ServerLocation> find(ClientOptions client, DatabaseOptions database, Map<String, String> env) {
        boolean databaseGiven = database.url != null || database.dataDir != null;
        if (client.server != null && (client.offline || databaseGiven)) {
            throw new UsageError("--server asks a running server; --offline, --data-dir and --database-url open the"
                    + " database directly: give one or the other");
        }
        if (client.offline || databaseGiven) {
            return Optional.empty();
        }
        Optional<String> token = nonBlank(client.token).or(() -> nonBlank(env.get(TOKEN_VARIABLE)));
        String tokenSource = client.token != null ? "--token" : TOKEN_VARIABLE;
        if (client.server != null) {
            return Optional.of(new ServerLocation(url(client.server, "--server"), "--server", token, tokenSource, true));
        }
        if (nonBlank(env.get(SERVER_VARIABLE)).isPresent()) {
            return Optional.of(new ServerLocation(url(env.get(SERVER_VARIABLE), SERVER_VARIABLE), SERVER_VARIABLE,
                    token, tokenSource, true));
        }
        Path file = ServerFile.besides(defaultDataDir(env));
        return ServerFile.read(file).map(running -> {
            Optional<String> demoToken = running.regulatorToken();
            return token.isPresent()
                    ? new ServerLocation(running.url(), file.toString(), token, tokenSource, false)
                    : new ServerLocation(running.url(), file.toString(), demoToken,
                            "the demo's regulator token in " + running.tokens().map(Path::toString).orElse("-"), false);
        });
    }

    /** The data folder a command without {@code --data-dir} opens, as the application's settings default it. */
    static Path defaultDataDir(Map<String, String> env) {
        String configured = nonBlank(env.get(DATA_DIR_VARIABLE))
                .or(() -> nonBlank(System.getProperty("reetrace.database.data-dir")))
                .orElse(null);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".reetrace", "postgres");
    }

    /** A server's base URL as given: http or https, a host, and a path ending in {@code /}. */
    static URI url(String text, String option) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), path.endsWith("/") ? path : path + "/",
                    null, null);
        } catch (URISyntaxException e) {
            throw new UsageError(option + " must be a server's URL such as http://localhost:8080/, was '" + text + "'");
        }
    }

    /** The token as messages show it: enough to tell which, never the secret. */
    String tokenShown() {
        return token.map(t -> (t.length() > 12 ? t.substring(0, 8) + "..." : "...") + " (from " + tokenSource + ")")
                .orElse("none");
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}

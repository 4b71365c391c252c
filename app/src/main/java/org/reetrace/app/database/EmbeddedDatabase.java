package org.reetrace.app.database;

import java.util.Optional;

/**
 * The embedded server this application uses, or empty when it uses an external one. A bean of its own
 * so that "no embedded server" is a value too, and closing the context stops a server this process started.
 */
public record EmbeddedDatabase(Optional<EmbeddedServer> server) implements AutoCloseable {

    @Override
    public void close() {
        server.ifPresent(EmbeddedServer::close);
    }
}

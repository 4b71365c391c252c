package org.reetrace.app.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * A command that only reads: it asks a running server over its API when there is one ({@link ServerLocation} says how
 * it is found), and opens the database itself otherwise, or when told to ({@code --offline}, {@code --data-dir},
 * {@code --database-url}). Both print the same text. Write {@link #runRemotely(ServerClient)} beside
 * {@link #run(org.springframework.context.ApplicationContext)}.
 */
abstract class ReadingCommand extends OfflineCommand {

    @Mixin
    ClientOptions client;

    /** Does the work with the server's answers; returns the exit code. */
    protected abstract int runRemotely(ServerClient server);

    /** Whether these arguments can be answered by the server's API (some options only the database answers). */
    protected boolean answerableRemotely() {
        return true;
    }

    @Override
    final Integer askServer() {
        Optional<ServerLocation> location = ServerLocation.find(client, database, System.getenv());
        if (location.isEmpty() || !answerableRemotely() && !location.get().explicit()) {
            return null;
        }
        if (!answerableRemotely()) {
            throw new UsageError("these options are answered from the database only: add --offline (or --data-dir)"
                    + " instead of --server");
        }
        try {
            return runRemotely(new ServerClient(location.get()));
        } catch (ServerClient.Unreachable e) {
            if (location.get().explicit()) {
                throw e;
            }
            return null; // the server file of a server that no longer listens: as if none ran
        }
    }
}

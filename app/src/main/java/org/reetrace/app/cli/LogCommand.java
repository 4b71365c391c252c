package org.reetrace.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reetrace.app.security.Caller;
import org.reetrace.app.signing.SigningKeys;
import org.reetrace.app.transparency.ReadLog;
import org.reetrace.app.transparency.SignCheckpoint;
import org.reetrace.app.transparency.SignedCheckpoint;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The transparency log from the command line: a checkpoint signed now, the log's keys, a new signing key. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The public transparency log of the ledger's events: signs a checkpoint now, prints the log's"
                + " verifier keys, or generates a new signing key.",
        subcommands = {LogCommand.Checkpoint.class, LogCommand.Keys.class, LogCommand.RotateKey.class})
final class LogCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Commands.USAGE_ERROR;
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Signs a checkpoint of the log now (as the regulator; the running server's when there is"
                    + " one) and prints it; the latest one when the log did not grow.")
    static final class Checkpoint extends ReadingCommand {
        @Override
        protected int runRemotely(ServerClient server) {
            out().print(ServerClient.read(server.post("api/log/checkpoints", ServerClient.JSON.createObjectNode()),
                    SignedCheckpoint.class).note());
            return Commands.OK;
        }

        @Override
        protected int run(ApplicationContext context) {
            out().print(context.getBean(SignCheckpoint.class).sign(Caller.localAdministrator()).note());
            return Commands.OK;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Prints the log's verifier keys (C2SP vkeys), the current key's first: what a buyer or a"
                    + " witness pins.")
    static final class Keys extends OfflineCommand {
        @Override
        protected int run(ApplicationContext context) {
            context.getBean(ReadLog.class).verifierKeys().forEach(out()::println);
            return Commands.OK;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Generates a new signing key into the key folder (reetrace.signing.key-dir); it signs from the"
                    + " next start on, and the keys before it stay published as retired keys.")
    static final class RotateKey implements Callable<Integer> {
        @Option(names = "--key-dir", paramLabel = "DIR", required = true,
                description = "The key folder (by default ~/.reetrace/signing-keys beside the database's).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("new signing key " + SigningKeys.rotate(dir)
                    + "; restart the server to sign with it");
            return Commands.OK;
        }
    }
}

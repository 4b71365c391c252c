package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that works on the ledger without a web server: it gets the database options, starts the
 * application, runs, and stops it again. Write {@link #run(ApplicationContext)}, print with
 * {@link #out()}, and throw {@link CommandFailure} for errors the user can act on.
 */
public abstract class OfflineCommand implements Callable<Integer> {

    @Mixin
    protected DatabaseOptions database;

    @Option(names = "--verbose", description = "Show the application's log.")
    protected boolean verbose;

    @Spec
    protected CommandSpec spec;

    /** Does the work with the application's beans; returns the exit code. */
    protected abstract int run(ApplicationContext context);

    /**
     * Checks what can be checked without the application (files readable, dates well formed), so that a mistake is
     * told at once, before a database starts; throws a {@link CommandFailure} naming it.
     */
    protected void checkArguments() {
    }

    /** An option's date or instant as {@link Instants#parse} reads it, refused in one line naming the option. */
    protected static void checkInstant(String text, String option) {
        try {
            Instants.parse(text, option, Instant.EPOCH);
        } catch (ProblemException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** A file the command reads, refused in one line unless it is a readable file. */
    protected static void checkReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("cannot read " + file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        if (!Files.isReadable(file)) {
            throw new CommandFailure("cannot read " + file + ": permission denied");
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * The answer of a running server, for the commands that can ask one ({@link ReadingCommand}); null when this
     * command opens the database itself.
     */
    Integer askServer() {
        return null;
    }

    @Override
    public final Integer call() {
        checkArguments();
        Integer answered = askServer();
        return answered != null ? answered : Commands.runWith(database, verbose, this::run);
    }
}

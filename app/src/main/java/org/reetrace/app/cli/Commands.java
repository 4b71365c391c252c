package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.reetrace.app.ReetraceApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Plumbing shared by all commands: the configured picocli command line, one-line error reporting, and
 * starting the Spring application for a command.
 *
 * <p>An offline command (one without a web server) is a subclass of {@link OfflineCommand}, or calls
 * {@link #runWith(DatabaseOptions, boolean, ToIntFunction)} itself.
 */
public final class Commands {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE_ERROR = 2;
    /** A check (precheck, assess) with no failed rule but one whose law must be confirmed with the authority. */
    public static final int CONFIRM = 3;

    private Commands() {
    }

    /** The {@code reetrace} command line with every command; errors become one line on stderr and a non-zero exit code. */
    public static CommandLine commandLine() {
        return commandLine(ReetraceCommand.SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: with only the command they name when they name one, so that picocli reads the
     * options of that command alone (most of a short command's start); with every command otherwise (help, a typo).
     */
    public static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : ReetraceCommand.SUBCOMMANDS) {
                Command c = command.getAnnotation(Command.class);
                if (c != null && c.name().equals(args[0]) && command != HelpCommand.class) {
                    return commandLine(List.of(command));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new ReetraceCommand());
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("reetrace: " + oneLine(e.getMessage())
                    + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("reetrace: " + describe(e));
            return e instanceof UsageError ? USAGE_ERROR : FAILURE;
        });
        return commandLine;
    }

    /**
     * Starts the application without a web server (database, migrations, services), hands its context to
     * {@code work}, and closes it again, which stops an embedded PostgreSQL this process started.
     *
     * @param verbose whether to show the application's log on the console; off, only the command's own
     *                output appears, so that it can be piped
     * @return the exit code {@code work} returns
     */
    public static int runWith(DatabaseOptions database, boolean verbose,
                              ToIntFunction<ConfigurableApplicationContext> work) {
        return run(WebApplicationType.NONE, List.of(), database, verbose, work);
    }

    private static int run(WebApplicationType type, List<String> settings, DatabaseOptions database, boolean verbose,
                           ToIntFunction<ConfigurableApplicationContext> work) {
        List<String> arguments = new ArrayList<>(database.springArguments());
        arguments.addAll(settings);
        if (!verbose) {
            arguments.add("--logging.threshold.console=OFF");
        }
        try (ConfigurableApplicationContext context = application(type).run(arguments.toArray(String[]::new))) {
            return work.applyAsInt(context);
        }
    }

    /** The application builder every command starts from; failures are reported by the command line, once. */
    static SpringApplicationBuilder application(WebApplicationType type) {
        return new SpringApplicationBuilder(ReetraceApplication.class)
                .web(type)
                .properties(
                        // both would print the stack trace that the command line reports as one line
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF");
    }

    /** The one line that tells the user what went wrong, chosen from the exception chain. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable e = failure; e != null; e = e.getCause()) {
            // the first of these in the chain says what the user can fix; wrappers above it only add noise
            if (e instanceof CommandFailure || e instanceof PortInUseException || e instanceof IllegalArgumentException
                    || e instanceof SQLException) {
                return oneLine(e.getMessage());
            }
            if (e instanceof BindValidationException invalid) {
                return invalidSettings(invalid);
            }
            if (e instanceof BindException bind && bind.getProperty() != null) {
                // a value that is no value of its setting's type: name the setting, not the parser's words
                return "invalid setting " + bind.getName() + ": '" + bind.getProperty().getValue() + "' cannot be read as "
                        + bind.getTarget().getType().resolve(Object.class).getSimpleName()
                        + (bind.getProperty().getOrigin() == null ? "" : " (from " + bind.getProperty().getOrigin() + ")");
            }
            root = e;
        }
        return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String invalidSettings(BindValidationException invalid) {
        List<String> problems = new ArrayList<>();
        invalid.getValidationErrors().getAllErrors().forEach(error -> problems.add(error instanceof FieldError field
                ? invalid.getValidationErrors().getName() + "." + field.getField() + " " + field.getDefaultMessage()
                        + " (was " + field.getRejectedValue() + ")"
                : String.valueOf(error.getDefaultMessage())));
        return "invalid settings: " + String.join("; ", problems);
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}

package org.reetrace.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command. A new subcommand is a picocli class listed in {@link #SUBCOMMANDS} below; {@link Commands} adds them
 * (only the one asked for when the command line names it, so that a short command does not pay for the others).
 */
@Command(name = "reetrace",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Follows rare-earth material from mine to magnet: who holds it, what it contains"
                + " element by element, where it came from, and whether every step obeyed the rules.")
public final class ReetraceCommand implements Callable<Integer> {

    static final List<Class<?>> SUBCOMMANDS = List.of(
                ServeCommand.class,
                DemoCommand.class,
                TraceCommand.class,
                VerifyCommand.class,
                TokenCommand.class,
                ImportCommand.class,
                PrecheckCommand.class,
                AssessCommand.class,
                RulesCommand.class,
                SimulateCommand.class,
                ReconcileCommand.class,
                RegistryCommand.class,
                CertificateCommand.class,
                ChaosCommand.class,
                LogCommand.class,
                HelpCommand.class);

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Commands.USAGE_ERROR;
    }
}

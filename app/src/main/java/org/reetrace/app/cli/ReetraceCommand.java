package org.reetrace.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command. A new subcommand is a picocli class listed in {@code subcommands} below. */
@Command(name = "reetrace",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Follows rare-earth material from mine to magnet: who holds it, what it contains"
                + " element by element, where it came from, and whether every step obeyed the rules.",
        subcommands = {
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
                ChaosCommand.class,
                HelpCommand.class,
        })
public final class ReetraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Commands.USAGE_ERROR;
    }
}

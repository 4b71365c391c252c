package org.reetrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reetrace.app.rules.EnableRulePack;
import org.reetrace.app.rules.ListRulePacks;
import org.reetrace.app.rules.LoadRulePack;
import org.reetrace.app.rules.RulePackView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.rules.RulePackException;
import org.reetrace.core.rules.RuleProblem;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rule packs from the command line: the same operations as /api/rules/packs, as the local administrator. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists, loads, enables and disables rule packs.",
        subcommands = {RulesCommand.ListPacks.class, RulesCommand.LoadPack.class, RulesCommand.EnablePack.class,
                RulesCommand.DisablePack.class})
final class RulesCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Commands.USAGE_ERROR;
    }

    static void print(PrintWriter out, RulePackView p) {
        out.printf("%-4s %-8s %-3s %-8s %2d rules  %s%n", p.name(), p.version(), p.jurisdiction(),
                p.enabled() ? "ENABLED" : "disabled", p.rules(), p.title());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the loaded packs and which are in force.")
    static final class ListPacks extends ReadingCommand {
        @Override
        protected int runRemotely(ServerClient server) {
            ServerClient.list(server.get("api/rules/packs"))
                    .forEach(p -> print(out(), ServerClient.read(p, RulePackView.class)));
            return Commands.OK;
        }

        @Override
        protected int run(ApplicationContext context) {
            context.getBean(ListRulePacks.class).packs(Caller.localAdministrator()).forEach(p -> print(out(), p));
            return Commands.OK;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Loads a pack file; refused whole, with rule, line and column, if anything in it is wrong.")
    static final class LoadPack extends OfflineCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--enable", description = "Put it in force at once (and the pack's other versions out).")
        boolean enable;

        @Override
        protected void checkArguments() {
            checkReadable(file);
        }

        @Override
        protected int run(ApplicationContext context) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            try {
                print(out(), context.getBean(LoadRulePack.class).load(Caller.localAdministrator(), file.toString(), text,
                        enable));
                return Commands.OK;
            } catch (ProblemException refused) {
                if (!(refused.getCause() instanceof RulePackException e)) {
                    throw refused;
                }
                spec.commandLine().getErr().println("reetrace: rule pack " + file + " refused; the packs in force are unchanged");
                for (RuleProblem p : e.problems()) {
                    spec.commandLine().getErr().printf("  %s line %d, column %d: %s%n", p.ruleId(), p.line(),
                            p.column(), p.message());
                }
                return Commands.FAILURE;
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Puts a pack version in force.")
    static final class EnablePack extends OfflineCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Override
        protected int run(ApplicationContext context) {
            print(out(), context.getBean(EnableRulePack.class).enable(Caller.localAdministrator(), name, version));
            return Commands.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Takes a pack version out of force.")
    static final class DisablePack extends OfflineCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Override
        protected int run(ApplicationContext context) {
            print(out(), context.getBean(EnableRulePack.class).disable(Caller.localAdministrator(), name, version));
            return Commands.OK;
        }
    }
}

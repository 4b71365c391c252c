package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reetrace.app.rules.AssessLots;
import org.reetrace.app.rules.FindingView;
import org.reetrace.app.security.Caller;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A lot (or a supply of lots) against one pack at any date, in force or not. */
@Command(name = "assess",
        description = "Assesses lots against a rule pack at a date, e.g. the US rule as it will stand on 2027-01-01."
                + " Several lots are assessed as one supply. Exits 1 if any rule fails, else 3 if any rule's law could"
                + " not be established at that date (UNKNOWN: confirm with the authority).")
final class AssessCommand extends ReadingCommand {

    // --version names the pack's version here, so only the help option of the standard pair is taken
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Parameters(paramLabel = "LOT", arity = "1..*", description = "The lots, e.g. MAG-2026-0001.")
    List<String> lots;

    @Option(names = "--pack", required = true, description = "The pack's name, e.g. us, eu, cn, my.")
    String pack;

    @Option(names = "--version", description = "The pack version (default: the one in force, else the latest loaded).")
    String version;

    @Option(names = "--at", description = "A date (midnight in the pack's own zone, when its laws take effect) or an instant (default: now).")
    String at;

    @Override
    protected void checkArguments() {
        checkInstant(at, "--at");
    }

    @Override
    protected int runRemotely(ServerClient server) {
        List<String> query = new ArrayList<>();
        lots.forEach(l -> {
            query.add("lot");
            query.add(l);
        });
        query.addAll(Arrays.asList("pack", pack, "version", version, "at", at));
        return print(ServerClient.read(server.get("api/rules/assessment", query.toArray(String[]::new)),
                AssessLots.Assessment.class));
    }

    @Override
    protected int run(ApplicationContext context) {
        return print(context.getBean(AssessLots.class).assess(Caller.localAdministrator(), lots, pack, version, at));
    }

    private int print(AssessLots.Assessment a) {
        PrintWriter out = out();
        out.printf("assessment of %s against pack %s %s at %s: %s%n", String.join(", ", a.lots()), a.pack(),
                a.version(), a.at(), a.verdict());
        for (FindingView f : a.findings()) {
            out.printf("  %-20s %-15s %s%n", f.ruleId(), f.outcome(), f.message());
            if (!f.detail().isEmpty()) {
                out.printf("  %-20s %-15s why: %s%n", "", "", f.detail());
            }
        }
        return PrecheckCommand.exitCode(a.verdict());
    }
}

package org.reetrace.app.cli;

import java.io.PrintWriter;
import java.util.List;

import org.reetrace.app.rules.FindingView;
import org.reetrace.app.rules.PrecheckExport;
import org.reetrace.app.security.Caller;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.Outcome;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The customs pre-check of an export, per jurisdiction, from the command line. */
@Command(name = "precheck", mixinStandardHelpOptions = true,
        description = "Would exporting a lot under this declaration pass? Prints, per jurisdiction, every rule that"
                + " applies with PASSED, FAILED or UNKNOWN (its law could not be established: confirm with the"
                + " authority) and why. Exits 1 if any rule fails, else 3 if any is unknown.")
final class PrecheckCommand extends ReadingCommand {

    @Parameters(paramLabel = "LOT", description = "The lot to export, e.g. MAG-2026-0001.")
    String lot;

    @Option(names = "--hs", required = true, description = "HS code declared, e.g. 8505.11.")
    String hs;

    @Option(names = "--permit", description = "Export permit quoted on the declaration.")
    String permit;

    @Option(names = "--counterparty", required = true, description = "The foreign buyer.")
    String counterparty;

    @Option(names = "--country", required = true, description = "The buyer's country (ISO 3166 alpha-2).")
    String country;

    @Option(names = "--declaration", defaultValue = "PRECHECK", description = "Declaration number (default: ${DEFAULT-VALUE}).")
    String number;

    @Option(names = "--jurisdiction", split = ",", description = "Whose laws to check, e.g. MY,US,EU,CN (default: every pack in force).")
    List<String> jurisdictions = List.of();

    @Option(names = "--at", description = "When the export would happen: a date (Malaysian midnight) or an instant (default: now).")
    String at;

    @Override
    protected void checkArguments() {
        checkInstant(at, "--at");
        try {
            new CustomsDeclaration(number, hs, permit, counterparty, CountryCode.of(country));
            jurisdictions.forEach(j -> Jurisdiction.of(j.strip()));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Override
    protected int runRemotely(ServerClient server) {
        PrecheckExport.Precheck p = ServerClient.read(server.post("api/rules/precheck",
                ServerClient.JSON.valueToTree(request())), PrecheckExport.Precheck.class);
        // the holder is the command line's heading only; the answer leaves it out, the lot names it
        String holder = server.get("api/lots/" + ServerClient.segment(lot)).path("holder").asString();
        return print(p, holder);
    }

    @Override
    protected int run(ApplicationContext context) {
        PrecheckExport.Precheck p = context.getBean(PrecheckExport.class).precheck(Caller.localAdministrator(), request());
        return print(p, p.holder());
    }

    private PrecheckExport.Request request() {
        return new PrecheckExport.Request(lot, new PrecheckExport.Declaration(number, hs, permit, counterparty, country),
                at, jurisdictions.stream().map(String::strip).toList());
    }

    private int print(PrecheckExport.Precheck p, String holder) {
        PrintWriter out = out();
        out.printf("export pre-check of %s (held by %s) to %s in %s at %s under HS %s%s%n", p.lot(), holder,
                counterparty, country, p.at(), hs, permit == null ? ", no permit quoted" : ", permit " + permit);
        for (PrecheckExport.Verdict v : p.jurisdictions()) {
            List<FindingView> applicable = v.findings().stream()
                    .filter(f -> !f.outcome().equals(Outcome.NOT_APPLICABLE.name())).toList();
            out.printf("%n%s  %s%s%n", v.jurisdiction(), v.verdict(),
                    applicable.isEmpty() ? " (no rule of this jurisdiction applies)" : "");
            for (FindingView f : applicable) {
                boolean passed = f.outcome().equals(Outcome.PASSED.name());
                out.printf("  %-20s %-7s %s%n", f.ruleId(), f.outcome(), passed
                        ? f.pack() + " " + f.packVersion() : f.severity() + ": " + f.message());
                if (!passed && !f.detail().isEmpty()) {
                    out.printf("  %-20s         why: %s%n", "", f.detail());
                }
            }
        }
        out.printf("%n%s%n", switch (p.verdict()) {
            case "PASS" -> "the export passes every rule checked";
            case "CONFIRM" -> "the export is not cleared: confirm with the authority the law of "
                    + jurisdictions(p, "CONFIRM");
            default -> "the export FAILS: " + jurisdictions(p, "FAIL");
        });
        return exitCode(p.verdict());
    }

    private static List<String> jurisdictions(PrecheckExport.Precheck p, String verdict) {
        return p.jurisdictions().stream().filter(v -> v.verdict().equals(verdict))
                .map(PrecheckExport.Verdict::jurisdiction).toList();
    }

    /** 0 on PASS, 1 on FAIL, 3 when a rule's law must be confirmed with the authority. */
    static int exitCode(String verdict) {
        return switch (verdict) {
            case "PASS" -> Commands.OK;
            case "CONFIRM" -> Commands.CONFIRM;
            default -> Commands.FAILURE;
        };
    }
}

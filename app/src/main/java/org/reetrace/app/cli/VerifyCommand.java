package org.reetrace.app.cli;

import org.reetrace.app.ledger.LedgerVerification;
import org.reetrace.app.ledger.VerifyLedger;
import org.reetrace.app.security.Caller;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Re-checks everything stored; exits 1 if anything is wrong, so scripts and cron jobs can rely on it. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies everything stored: the hash chain of the events from the first to the last and the"
                + " receipts of the batches that recorded them, a replay of every event against the stored lots,"
                + " lineage, undo data, stocks and balance, the registry's versions against its tables, and the"
                + " sealed chains of registry versions, alerts, rule packs and their audit trails, and the transparency"
                + " log against the events (a leaf per event, its tiles, its signed checkpoints). Names the table,"
                + " the row and the invariant or check of each violation.")
final class VerifyCommand extends ReadingCommand {

    @Option(names = "--show", paramLabel = "N", defaultValue = "20",
            description = "How many violations to list (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    protected int runRemotely(ServerClient server) {
        return print(ServerClient.read(server.get("api/ledger/verification"), LedgerVerification.Report.class));
    }

    @Override
    protected int run(ApplicationContext context) {
        return print(context.getBean(VerifyLedger.class).verify(Caller.localAdministrator()));
    }

    private int print(LedgerVerification.Report report) {
        if (report.clean()) {
            out().printf("ledger clean: %d events, hash chain intact, head %s%n", report.events(), report.head());
            out().println("all invariants hold: conservation per element, lots used within what remains, only"
                    + " holders acting, no element created, pedigrees adding up, hash chain");
            out().println("every stored row checked: events and batch receipts, lots, lineage, undo data, stocks,"
                    + " balance, registry and its tables, alerts, rule packs and their audit trails");
            out().println("transparency log: one leaf per event in order, its tiles give the root, every signed"
                    + " checkpoint's signature and root hold");
            return Commands.OK;
        }
        out().printf("ledger NOT clean: %d violations in %d events%n", report.violations(), report.events());
        report.findings().stream().limit(Math.max(1, show)).forEach(f -> out().printf("%s%s%s [%s]: %s%n",
                f.table(), f.row() == null ? "" : " " + f.row(),
                f.invariant() > 0 ? ", invariant " + f.invariant() : "", f.check(), f.message()));
        if (report.violations() > Math.max(1, show)) {
            out().printf("... and %d more%n", report.violations() - Math.max(1, show));
        }
        return Commands.FAILURE;
    }
}

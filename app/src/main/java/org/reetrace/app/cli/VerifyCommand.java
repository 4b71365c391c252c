package org.reetrace.app.cli;

import org.reetrace.app.ledger.LedgerVerification;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;

/** Re-checks the whole stored ledger; exits 1 if anything is wrong, so scripts and cron jobs can rely on it. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies the ledger: the hash chain from the first event to the last, a replay of every"
                + " event, and the invariants on the stored lots and balances. Reports the first violation.")
final class VerifyCommand extends OfflineCommand {

    @Override
    protected int run(ApplicationContext context) {
        LedgerVerification.Report report = context.getBean(LedgerVerification.class).verify();
        if (report.clean()) {
            out().printf("ledger clean: %d events, hash chain intact, head %s%n", report.events(), report.head());
            out().println("all invariants hold: conservation per element, lots used within what remains, only"
                    + " holders acting, no element created, pedigrees adding up, hash chain");
            return Commands.OK;
        }
        LedgerVerification.Finding first = report.firstViolation();
        out().printf("ledger NOT clean: %d violations in %d events%n", report.violations(), report.events());
        out().printf("first: invariant %d%s: %s%n", first.invariant(),
                first.sequence() > 0 ? " at event " + first.sequence() : "", first.message());
        return Commands.FAILURE;
    }
}

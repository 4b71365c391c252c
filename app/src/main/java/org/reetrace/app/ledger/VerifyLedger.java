package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.transparency.LogVerification;

/**
 * Re-checking everything stored (see {@link LedgerVerification}), and the transparency log against the ledger (see
 * {@link LogVerification}): each violation names its table, row and invariant or check. For the regulator and
 * auditors; the command line, which holds the database, verifies as the system.
 */
@UseCase
public class VerifyLedger {

    /** The check that names the log's findings. */
    static final String LOG_CHECK = "transparency-log";

    private final LedgerVerification verification;
    private final LogVerification log;

    public VerifyLedger(LedgerVerification verification, LogVerification log) {
        this.verification = verification;
        this.log = log;
    }

    public LedgerVerification.Report verify(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR);
        LedgerVerification.Report books = verification.verify();
        List<LogVerification.Finding> logFindings = log.verify();
        if (logFindings.isEmpty()) {
            return books;
        }
        List<LedgerVerification.Finding> findings = new ArrayList<>(books.findings());
        for (LogVerification.Finding f : logFindings) {
            if (findings.size() < Findings.LISTED) {
                findings.add(new LedgerVerification.Finding(0, f.sequence(), f.table(), f.row(), LOG_CHECK,
                        f.message()));
            }
        }
        return new LedgerVerification.Report(false, books.events(), books.head(),
                books.violations() + logFindings.size(), findings.getFirst(), findings);
    }
}

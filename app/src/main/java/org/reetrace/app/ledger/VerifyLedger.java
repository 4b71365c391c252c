package org.reetrace.app.ledger;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/**
 * Re-checking everything stored (see {@link LedgerVerification}): each violation names its table, row and invariant
 * or check. For the regulator and auditors; the command line, which holds the database, verifies as the system.
 */
@UseCase
public class VerifyLedger {

    private final LedgerVerification verification;

    public VerifyLedger(LedgerVerification verification) {
        this.verification = verification;
    }

    public LedgerVerification.Report verify(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR);
        return verification.verify();
    }
}

package org.reetrace.app.ledger;

import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VerificationController {

    private final LedgerVerification verification;

    public VerificationController(LedgerVerification verification) {
        this.verification = verification;
    }

    /**
     * Re-checks everything stored (see {@link LedgerVerification}): each violation names its table, row and invariant
     * or check; for the regulator and auditors.
     */
    @GetMapping("/api/ledger/verification")
    public LedgerVerification.Report verify(Caller caller) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR);
        return verification.verify();
    }
}

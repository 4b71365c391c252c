package org.reetrace.app.ledger;

import io.swagger.v3.oas.annotations.Operation;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VerificationController {

    private final VerifyLedger verify;

    public VerificationController(VerifyLedger verify) {
        this.verify = verify;
    }

    @Operation(summary = "Verify everything stored",
            description = "Re-checks the books from scratch, as 'reetrace verify': the hash chain, a replay of every"
                    + " event, the stored state against the replay, the sealed records and their trails, and the transparency"
                    + " log against the events (its tiles and signed checkpoints). Each violation"
                    + " names its table, row and invariant or check (the first 200 are listed). For the regulator and"
                    + " auditors.")
    @GetMapping("/api/ledger/verification")
    public LedgerVerification.Report verify(Caller caller) {
        return verify.verify(caller);
    }
}

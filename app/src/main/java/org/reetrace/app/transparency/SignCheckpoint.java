package org.reetrace.app.transparency;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;

/**
 * The regulator signs a checkpoint of the log now, rather than at the next steady interval (before publishing a
 * report, say). Nothing new is signed if the log did not grow; the latest checkpoint is the answer.
 */
@UseCase
public class SignCheckpoint {

    private final LogCheckpoints checkpoints;

    public SignCheckpoint(LogCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    public SignedCheckpoint sign(Caller caller) {
        caller.requireRegulator();
        return SignedCheckpoint.of(checkpoints.origin(), checkpoints.sign());
    }
}

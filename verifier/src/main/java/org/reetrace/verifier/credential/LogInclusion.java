package org.reetrace.verifier.credential;

import java.util.Map;
import java.util.Optional;

import org.reetrace.verifier.credential.Check.Aspect;

/** The credential's evidence that the lot's last event is in the regulator's transparency log. */
final class LogInclusion {

    private LogInclusion() {
    }

    static Check check(Map<String, Object> vc, IssuerKeys keys, Optional<String> trustedCheckpoint) {
        return Check.notChecked(Aspect.INCLUSION, "no-proof", "the credential carries no inclusion proof");
    }
}

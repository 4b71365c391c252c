package org.reetrace.app.certificate;

import java.util.List;
import java.util.Optional;

import org.reetrace.app.transparency.InclusionProof;
import org.reetrace.app.transparency.ProveInclusion;
import org.springframework.stereotype.Component;

/**
 * The transparency log's proof that a certificate's last event is in the log, under a checkpoint signed by the
 * regulator's key (signed now if none covers the event yet), as the certificate's evidence.
 */
@Component
class LogEvidence {

    static final String TYPE = "TransparencyLogInclusion";

    private final ProveInclusion prove;

    LogEvidence(ProveInclusion prove) {
        this.prove = prove;
    }

    Optional<Passport.Evidence> of(CertificateStore.LedgerEventRow event) {
        InclusionProof proof = prove.ofEventCheckpointed(event.eventId());
        if (proof.tlogProof() == null) {
            return Optional.empty();
        }
        return Optional.of(new Passport.Evidence(List.of(TYPE), proof.index(), proof.entry(), proof.tlogProof()));
    }
}

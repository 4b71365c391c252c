package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Declares that the event carrying it was wrong (EPCIS 2.0 section 7.4.1.2); the ledger never rewrites
 * an accepted event, this is how a correction is written. {@code reason} is a CBV ER Web URI or absent.
 */
public record ErrorDeclaration(Instant declarationTime, String reason, List<String> correctiveEventIds,
                               List<Extension> extensions) {
    public ErrorDeclaration {
        Objects.requireNonNull(declarationTime, "declarationTime");
        correctiveEventIds = List.copyOf(correctiveEventIds);
        extensions = List.copyOf(extensions);
    }
}

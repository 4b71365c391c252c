package org.reetrace.app.alerts;

import java.util.Objects;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.rules.Finding;

/**
 * A finding that raises an alert at ingest (a failed FLAG rule, or a rule that could not be evaluated), with the
 * booked event it concerns: stored in the same transaction as the event, so an alert never refers to an event that
 * was rolled back, and no booked event loses its alert.
 */
public record RaisedAlert(long eventSeq, LedgerEvent event, OperatorId operator, Finding finding) {

    public RaisedAlert {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(finding, "finding");
    }
}

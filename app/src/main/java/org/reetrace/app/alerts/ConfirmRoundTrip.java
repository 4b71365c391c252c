package org.reetrace.app.alerts;

import java.time.Clock;
import java.util.Map;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.analytics.AlertKind;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulator confirms that an import is an earlier export coming back (a {@code ROUND_TRIP_IMPORT} alert): the
 * confirmation is recorded beside the ledger and the alert is closed with the regulator's comment. From then on the
 * imported lot's pedigree is the exported lot's (its mines, countries and stages), not "imported from" the
 * neighbour. Only the regulator confirms, once per imported lot, and only an alert still open or acknowledged.
 */
@UseCase
public class ConfirmRoundTrip {

    /** What was confirmed: the alert, the two lots, who and when, and the alert's status after it. */
    public record Confirmation(long alertId, String importedLot, String exportedLot, String confirmedBy,
                               java.time.Instant confirmedAt, String comment, AlertStore.Status alertStatus) {
    }

    private final AlertStore alerts;
    private final ReviewAlert review;
    private final RoundTripStore roundTrips;
    private final Clock clock;

    public ConfirmRoundTrip(AlertStore alerts, ReviewAlert review, RoundTripStore roundTrips, Clock clock) {
        this.alerts = alerts;
        this.review = review;
        this.roundTrips = roundTrips;
        this.clock = clock;
    }

    @Transactional
    public Confirmation confirm(Caller caller, long alertId, String comment) {
        caller.requireRegulator();
        if (comment == null || comment.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "a confirmation needs a comment for the alert's audit trail");
        }
        AlertStore.Alert alert = alerts.find(alertId)
                .orElseThrow(() -> ProblemException.notFound("alert", String.valueOf(alertId)));
        if (!AlertKind.ROUND_TRIP_IMPORT.name().equals(alert.kind())) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-a-round-trip", "Not a round-trip alert",
                    "alert " + alertId + " is " + (alert.kind() == null ? "a rule alert" : alert.kind())
                            + ", only a ROUND_TRIP_IMPORT alert can be confirmed as a round trip",
                    Map.of("alertId", alertId));
        }
        String imported = alert.figures().get("imported lot");
        String exported = alert.figures().get("exported lot");
        if (imported == null || exported == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-a-round-trip", "Not a round-trip alert",
                    "alert " + alertId + " does not name the imported and the exported lot", Map.of("alertId", alertId));
        }
        String typed = comment.strip();
        // the alert's status decides first: a closed alert is refused before anything is recorded
        AlertStore.Status status = review.close(caller, alertId, "round trip confirmed: " + imported
                + " is " + exported + " coming back. " + typed).alert().status();
        RoundTripStore.RoundTrip r = new RoundTripStore.RoundTrip(imported, exported, alertId, caller.name(),
                clock.instant(), typed);
        if (!roundTrips.record(r)) {
            throw new ProblemException(HttpStatus.CONFLICT, "round-trip-confirmed", "Round trip already confirmed",
                    "lot " + imported + " is already confirmed as an export coming back", Map.of("alertId", alertId));
        }
        return new Confirmation(alertId, imported, exported, r.confirmedBy(), r.confirmedAt(), typed, status);
    }
}

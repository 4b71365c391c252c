package org.reetrace.app.alerts;

import java.util.Map;
import java.util.NoSuchElementException;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The regulator's review of an alert: OPEN to ACKNOWLEDGED to CLOSED (or OPEN straight to CLOSED), each step with a
 * comment, its author and time in the alert's audit trail. Only the regulator reviews.
 */
@UseCase
public class ReviewAlert {

    private final AlertStore alerts;

    public ReviewAlert(AlertStore alerts) {
        this.alerts = alerts;
    }

    public AlertWithTrail acknowledge(Caller caller, long id, String comment) {
        return move(caller, id, AlertStore.Status.ACKNOWLEDGED, comment);
    }

    public AlertWithTrail close(Caller caller, long id, String comment) {
        return move(caller, id, AlertStore.Status.CLOSED, comment);
    }

    private AlertWithTrail move(Caller caller, long id, AlertStore.Status to, String comment) {
        caller.requireRegulator();
        try {
            AlertStore.Alert a = alerts.move(id, to, comment, caller.name());
            return new AlertWithTrail(a, alerts.trail(id));
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("alert", String.valueOf(id));
        } catch (IllegalStateException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "alert-status", "Alert status does not allow this",
                    e.getMessage(), Map.of("alertId", id));
        }
    }
}

package org.reetrace.app.alerts;

import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;

/** Reading one alert with its audit trail, for who may read the alert's operator's records. */
@UseCase
public class ReadAlert {

    private final AlertStore alerts;

    public ReadAlert(AlertStore alerts) {
        this.alerts = alerts;
    }

    public AlertWithTrail read(Caller caller, long id) {
        AlertStore.Alert a = alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", String.valueOf(id)));
        caller.requireReader(a.operator());
        return new AlertWithTrail(a, alerts.trail(id));
    }

    /** The events behind an alert, the first {@code limit} of them, with how many there are in all. */
    public Evidence evidence(Caller caller, long id, int limit) {
        AlertStore.Alert a = read(caller, id).alert();
        List<String> ids = a.events() != null && !a.events().isEmpty() ? a.events()
                : a.eventId() == null || a.eventId().isEmpty() ? List.of() : List.of(a.eventId());
        return new Evidence(ids.size(), alerts.evidence(ids.subList(0, Math.min(ids.size(), Math.max(0, limit)))));
    }

    /** {@code total}: how many events the alert names; {@code events}: the first of them that are booked. */
    public record Evidence(int total, List<AlertStore.Evidence> events) {
    }
}

package org.reetrace.app.alerts;

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
}

package org.reetrace.app.alerts;

import java.util.List;

/** An alert and what the regulator did about it, oldest step first. */
public record AlertWithTrail(AlertStore.Alert alert, List<AlertStore.AuditEntry> trail) {

    public AlertWithTrail {
        trail = List.copyOf(trail);
    }
}

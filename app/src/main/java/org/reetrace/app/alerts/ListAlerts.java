package org.reetrace.app.alerts;

import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

/**
 * Listing alerts of the FLAG rules and of the enforcement analytics, newest first: the regulator, customs and
 * auditors see all of them, an operator those about its own events and facilities.
 */
@UseCase
public class ListAlerts {

    private final AlertStore alerts;

    public ListAlerts(AlertStore alerts) {
        this.alerts = alerts;
    }

    /** {@code filter}'s operator is set here, from the caller; its other fields are the caller's choice. */
    public List<AlertStore.Alert> list(Caller caller, AlertStore.Filter filter) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        String operator = caller.readsAll() ? null : caller.operatorId().orElseThrow();
        return alerts.list(new AlertStore.Filter(filter.status(), filter.rule(), filter.facility(), filter.pack(),
                operator, filter.limit(), filter.source(), filter.kind()));
    }
}

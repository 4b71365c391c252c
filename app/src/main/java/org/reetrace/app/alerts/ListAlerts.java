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
        return alerts.list(own(caller, filter));
    }

    /** How many alerts the filter matches, per status, kind and facility, of those the caller may see. */
    public AlertStore.Tally tally(Caller caller, AlertStore.Filter filter) {
        return alerts.tally(own(caller, filter));
    }

    /** One page of the alerts the filter matches ({@code page} from 0, {@code size} 1 to 1000), with their counts. */
    public AlertPage page(Caller caller, AlertStore.Filter filter, int page, int size) {
        int rows = Math.max(1, Math.min(size, 1000));
        int from = Math.max(0, page);
        AlertStore.Filter own = own(caller, filter);
        AlertStore.Filter window = new AlertStore.Filter(own.status(), own.rule(), own.facility(), own.pack(),
                own.operator(), rows, own.source(), own.kind(), own.period(), own.raisedAfter(), from * rows);
        return new AlertPage(alerts.list(window), alerts.tally(own), from, rows);
    }

    private static AlertStore.Filter own(Caller caller, AlertStore.Filter filter) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        return filter.forOperator(caller.readsAll() ? null : caller.operatorId().orElseThrow());
    }

    /** A page of alerts, newest first, with the counts of everything the filter matches. */
    public record AlertPage(List<AlertStore.Alert> alerts, AlertStore.Tally tally, int page, int size) {

        public AlertPage {
            alerts = List.copyOf(alerts);
        }

        /** How many alerts the filter matches whatever their status. */
        public long anyStatus() {
            return tally.byStatus().values().stream().mapToLong(Long::longValue).sum();
        }

        /** How many pages the filter's alerts fill (at least one). */
        public int pages() {
            return (int) Math.max(1, (tally.total() + size - 1) / size);
        }
    }
}

package org.reetrace.app.alerts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts of the FLAG rules and of the enforcement analytics ({@code source=RULE|ANALYTICS}, {@code kind} an analytics
 * alert kind): the regulator and auditors read all of them, an operator those about its own events and facilities;
 * only the regulator acknowledges or closes one, always with a comment.
 */
@RestController
public class AlertController {

    public record Comment(@NotBlank String comment) {
    }

    private final ListAlerts listAlerts;
    private final ReadAlert readAlert;
    private final ReviewAlert reviewAlert;
    private final ConfirmRoundTrip confirmRoundTrip;

    public AlertController(ListAlerts listAlerts, ReadAlert readAlert, ReviewAlert reviewAlert,
                           ConfirmRoundTrip confirmRoundTrip) {
        this.listAlerts = listAlerts;
        this.readAlert = readAlert;
        this.reviewAlert = reviewAlert;
        this.confirmRoundTrip = confirmRoundTrip;
    }

    @Operation(summary = "List alerts",
            description = "Newest first; for the regulator, customs and auditors all of them, for an operator those"
                    + " about its own events and facilities. Paged: 'limit' alerts from page 'page' (0 the newest);"
                    + " GET /api/alerts/counts gives how many match the same filters.")
    @GetMapping("/api/alerts")
    public List<AlertStore.Alert> list(Caller caller,
                                       @Parameter(description = "OPEN, ACKNOWLEDGED or CLOSED")
                                       @RequestParam(required = false) AlertStore.Status status,
                                       @Parameter(description = "The id of the rule that raised it")
                                       @RequestParam(required = false) String rule,
                                       @Parameter(description = "The facility it is about")
                                       @RequestParam(required = false) String facility,
                                       @Parameter(description = "The rule pack that raised it ('analytics' for the"
                                               + " enforcement analytics)")
                                       @RequestParam(required = false) String pack,
                                       @Parameter(description = "RULE or ANALYTICS")
                                       @RequestParam(required = false) AlertStore.Source source,
                                       @Parameter(description = "An analytics alert kind")
                                       @RequestParam(required = false) String kind,
                                       @Parameter(description = "A month YYYY-MM: an analytics alert's period, a rule"
                                               + " alert's event month (UTC)")
                                       @RequestParam(required = false) String period,
                                       @Parameter(description = "At most this many, 1 to 1000")
                                       @RequestParam(defaultValue = "100") int limit,
                                       @Parameter(description = "The page of 'limit' alerts, 0 (the newest) and up")
                                       @RequestParam(defaultValue = "0") int page) {
        int rows = Math.max(1, Math.min(limit, 1000));
        int offset = (int) Math.min(Integer.MAX_VALUE, Math.max(0L, page) * rows);
        return listAlerts.list(caller, filter(status, rule, facility, pack, source, kind, period, rows, offset));
    }

    @Operation(summary = "Count alerts",
            description = "How many alerts match the filters of GET /api/alerts: in all, per status (whatever the"
                    + " status asked), per kind (an analytics kind, or a rule alert's rule id; whatever the kind"
                    + " asked) and per facility ('' for national alerts), of those the caller may see.")
    @GetMapping("/api/alerts/counts")
    public AlertStore.Tally counts(Caller caller,
                                   @Parameter(description = "OPEN, ACKNOWLEDGED or CLOSED")
                                   @RequestParam(required = false) AlertStore.Status status,
                                   @Parameter(description = "The id of the rule that raised it")
                                   @RequestParam(required = false) String rule,
                                   @Parameter(description = "The facility it is about")
                                   @RequestParam(required = false) String facility,
                                   @Parameter(description = "The rule pack that raised it ('analytics' for the"
                                           + " enforcement analytics)")
                                   @RequestParam(required = false) String pack,
                                   @Parameter(description = "RULE or ANALYTICS")
                                   @RequestParam(required = false) AlertStore.Source source,
                                   @Parameter(description = "An analytics alert kind")
                                   @RequestParam(required = false) String kind,
                                   @Parameter(description = "A month YYYY-MM: an analytics alert's period, a rule"
                                           + " alert's event month (UTC)")
                                   @RequestParam(required = false) String period) {
        return listAlerts.tally(caller, filter(status, rule, facility, pack, source, kind, period, 1000, 0));
    }

    private static AlertStore.Filter filter(AlertStore.Status status, String rule, String facility, String pack,
                                            AlertStore.Source source, String kind, String period, int limit,
                                            int offset) {
        return new AlertStore.Filter(status, rule, facility, pack, null, limit, source, kind,
                AlertPeriods.month(period), null, offset);
    }

    @Operation(summary = "Read an alert", description = "The alert with its audit trail.")
    @GetMapping("/api/alerts/{id}")
    public AlertWithTrail alert(Caller caller, @Parameter(description = "The alert's id") @PathVariable long id) {
        return readAlert.read(caller, id);
    }

    @Operation(summary = "Acknowledge an alert",
            description = "OPEN to ACKNOWLEDGED, with a comment kept in its audit trail; for the regulator.")
    @PostMapping("/api/alerts/{id}/acknowledge")
    public AlertWithTrail acknowledge(Caller caller, @Parameter(description = "The alert's id") @PathVariable long id,
                                      @Valid @RequestBody Comment body) {
        return reviewAlert.acknowledge(caller, id, body.comment());
    }

    @Operation(summary = "Close an alert",
            description = "OPEN or ACKNOWLEDGED to CLOSED, with a comment kept in its audit trail; for the regulator.")
    @PostMapping("/api/alerts/{id}/close")
    public AlertWithTrail close(Caller caller, @Parameter(description = "The alert's id") @PathVariable long id,
                                @Valid @RequestBody Comment body) {
        return reviewAlert.close(caller, id, body.comment());
    }

    @Operation(summary = "Confirm a round trip",
            description = "For the regulator: the import of a ROUND_TRIP_IMPORT alert is the export it names coming"
                    + " back. The confirmation is recorded beside the ledger (the booked events are not changed) and"
                    + " the alert is closed with the comment; from then on the imported lot's pedigree"
                    + " (GET /api/lots/{id}/pedigree) is the exported lot's. 409 when the alert is not a round trip,"
                    + " is closed, or the lot is already confirmed.")
    @PostMapping("/api/alerts/{id}/confirm-round-trip")
    public ConfirmRoundTrip.Confirmation confirmRoundTrip(Caller caller,
                                                          @Parameter(description = "The alert's id") @PathVariable long id,
                                                          @Valid @RequestBody Comment body) {
        return confirmRoundTrip.confirm(caller, id, body.comment());
    }
}

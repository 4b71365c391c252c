package org.reetrace.app.alerts;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
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

    public record AlertWithTrail(AlertStore.Alert alert, List<AlertStore.AuditEntry> trail) {
    }

    private final AlertStore alerts;

    public AlertController(AlertStore alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/alerts")
    public List<AlertStore.Alert> list(Caller caller, @RequestParam(required = false) AlertStore.Status status,
                                       @RequestParam(required = false) String rule,
                                       @RequestParam(required = false) String facility,
                                       @RequestParam(required = false) String pack,
                                       @RequestParam(required = false) AlertStore.Source source,
                                       @RequestParam(required = false) String kind,
                                       @RequestParam(defaultValue = "100") int limit) {
        caller.requireRole(Role.REGULATOR, Role.AUDITOR, Role.CUSTOMS, Role.OPERATOR);
        String operator = caller.readsAll() ? null : caller.operatorId().orElseThrow();
        return alerts.list(new AlertStore.Filter(status, rule, facility, pack, operator, limit, source, kind));
    }

    @GetMapping("/api/alerts/{id}")
    public AlertWithTrail alert(Caller caller, @PathVariable long id) {
        AlertStore.Alert a = alerts.find(id).orElseThrow(() -> ProblemException.notFound("alert", String.valueOf(id)));
        caller.requireReader(a.operator());
        return new AlertWithTrail(a, alerts.trail(id));
    }

    @PostMapping("/api/alerts/{id}/acknowledge")
    public AlertWithTrail acknowledge(Caller caller, @PathVariable long id, @Valid @RequestBody Comment body) {
        return move(caller, id, AlertStore.Status.ACKNOWLEDGED, body.comment());
    }

    @PostMapping("/api/alerts/{id}/close")
    public AlertWithTrail close(Caller caller, @PathVariable long id, @Valid @RequestBody Comment body) {
        return move(caller, id, AlertStore.Status.CLOSED, body.comment());
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

package org.reetrace.app.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.reetrace.app.pages.PageController;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.analytics.AlertKind;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alerts pages: the list, filtered by status, kind, source, rule, pack, facility and period, with counts and
 * pages (ListAlerts; htmx swaps the table and pushes the address), and one alert with its figures, the events
 * behind it, its audit trail and the regulator's review (ReadAlert, ReviewAlert); on a round-trip alert the review
 * can also confirm the round trip (ConfirmRoundTrip), which closes the alert.
 */
@PageController
class AlertPages {

    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;
    static final int EVIDENCE_SHOWN = 50;

    /** The filters as typed, kept in the form and in every link of the page. */
    record Filters(String status, String kind, String source, String rule, String pack, String facility,
                   String period, int size) {

        static Filters of(String status, String kind, String source, String rule, String pack, String facility,
                          String period, int size) {
            return new Filters(blank(status), blank(kind), blank(source), blank(rule), blank(pack), blank(facility),
                    blank(period), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
        }

        AlertStore.Filter filter() {
            return new AlertStore.Filter(status == null ? null : parse(AlertStore.Status.class, "status", status),
                    rule, facility, pack, null, size, source == null ? null
                    : parse(AlertStore.Source.class, "source", source), kind, AlertPeriods.month(period), null, 0);
        }

        /** The address of the list with these filters, and {@code status} and {@code page} as given. */
        public String link(String withStatus, int page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/alerts");
            put(b, "status", withStatus);
            put(b, "kind", kind);
            put(b, "source", source);
            put(b, "rule", rule);
            put(b, "pack", pack);
            put(b, "facility", facility);
            put(b, "period", period);
            if (page > 0) {
                b.queryParam("page", page);
            }
            if (size != PAGE_SIZE) {
                b.queryParam("size", size);
            }
            return b.build().encode().toUriString();
        }

        /** The same filters for another page. */
        public String page(int page) {
            return link(status, page);
        }

        private static void put(UriComponentsBuilder b, String name, String value) {
            if (value != null) {
                b.queryParam(name, value);
            }
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                        "'" + value + "' is not a valid " + name + "; one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
    }

    /** A review as typed, and what was wrong with it (a message key and the words of the refusal). */
    record Review(String action, String comment, String error, String reason) {
    }

    private final ListAlerts listAlerts;
    private final ReadAlert readAlert;
    private final ReviewAlert reviewAlert;
    private final ConfirmRoundTrip confirmRoundTrip;

    AlertPages(ListAlerts listAlerts, ReadAlert readAlert, ReviewAlert reviewAlert,
               ConfirmRoundTrip confirmRoundTrip) {
        this.listAlerts = listAlerts;
        this.readAlert = readAlert;
        this.reviewAlert = reviewAlert;
        this.confirmRoundTrip = confirmRoundTrip;
    }

    @GetMapping("/alerts")
    String list(Caller caller, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String source,
                @RequestParam(required = false) String rule, @RequestParam(required = false) String pack,
                @RequestParam(required = false) String facility, @RequestParam(required = false) String period,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Filters filters = Filters.of(status, kind, source, rule, pack, facility, period, size);
        ListAlerts.AlertPage found = listAlerts.page(caller, filters.filter(), page, filters.size());
        model.addAttribute("filters", filters);
        model.addAttribute("found", found);
        model.addAttribute("statuses", AlertStore.Status.values());
        model.addAttribute("sources", AlertStore.Source.values());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("pageLinks", pageLinks(filters, found));
        return htmx != null ? "alerts/list :: results" : "alerts/list";
    }

    /** A page's number (from 1, as a person counts), its address, and whether it is the one shown. */
    record PageLink(int number, String href, boolean current) {
    }

    private static List<PageLink> pageLinks(Filters filters, ListAlerts.AlertPage found) {
        List<PageLink> out = new ArrayList<>();
        int pages = found.pages();
        for (int p = 0; p < pages; p++) {
            // the first, the last and those near the current page: a long list stays a short row of links
            if (p == 0 || p == pages - 1 || Math.abs(p - found.page()) <= 2) {
                out.add(new PageLink(p + 1, filters.page(p), p == found.page()));
            } else if (!out.isEmpty() && out.getLast().number() != -1) {
                out.add(new PageLink(-1, null, false));
            }
        }
        return out;
    }

    @GetMapping("/alerts/{id}")
    String alert(Caller caller, @PathVariable long id, @RequestParam(required = false) String reviewed, Model model) {
        return show(caller, id, new Review("ACKNOWLEDGE", "", null, null), reviewed != null, model);
    }

    @PostMapping("/alerts/{id}")
    String review(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
        // only the regulator reviews (ReviewAlert says so too): nobody else is told what was wrong with the form
        caller.requireRegulator();
        String typed = comment.strip();
        if (!action.equals("ACKNOWLEDGE") && !action.equals("CLOSE") && !action.equals("CONFIRM_ROUND_TRIP")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(caller, id, new Review(action, comment, "alerts.review.no-action", null), false, model);
        }
        if (typed.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(caller, id, new Review(action, comment, "alerts.review.no-comment", null), false, model);
        }
        try {
            if (action.equals("CONFIRM_ROUND_TRIP")) {
                confirmRoundTrip.confirm(caller, id, typed);
            } else if (action.equals("CLOSE")) {
                reviewAlert.close(caller, id, typed);
            } else {
                reviewAlert.acknowledge(caller, id, typed);
            }
        } catch (ProblemException refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(caller, id, new Review(action, comment, "alerts.review.refused", refused.detail()), false,
                    model);
        }
        return "redirect:/alerts/" + id + "?reviewed";
    }

    private String show(Caller caller, long id, Review review, boolean reviewed, Model model) {
        AlertWithTrail alert = readAlert.read(caller, id);
        model.addAttribute("alert", alert.alert());
        model.addAttribute("trail", alert.trail());
        model.addAttribute("severity", AlertSeverity.of(alert.alert()));
        model.addAttribute("evidence", readAlert.evidence(caller, id, EVIDENCE_SHOWN));
        model.addAttribute("review", review);
        model.addAttribute("reviewed", reviewed);
        model.addAttribute("reviewable", caller.isRegulator() && alert.alert().status() != AlertStore.Status.CLOSED);
        return "alerts/alert";
    }
}

package org.reetrace.app.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.alerts.ListAlerts;
import org.reetrace.app.epcis.CaptureDocument;
import org.reetrace.app.ledger.BookEvents;
import org.reetrace.app.pages.PageController;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The operator's portal: its facilities, the lots it holds (a page at a time), its open alerts, and two uploads that
 * book events as its own systems would over the API: a file of the native JSON form ({@link BookEvents}, event by
 * event) or an EPCIS document ({@link CaptureDocument}, a capture job followed on its own page). What became of every
 * event is shown: booked, or refused with the rule or invariant and the message.
 */
@PageController
class PortalPages {

    /** Open alerts listed on the portal, newest first. */
    static final int ALERTS = 20;

    private final ReadOwnBooks books;
    private final ListAlerts alerts;
    private final BookEvents book;
    private final CaptureDocument capture;

    PortalPages(ReadOwnBooks books, ListAlerts alerts, BookEvents book, CaptureDocument capture) {
        this.books = books;
        this.alerts = alerts;
        this.book = book;
        this.capture = capture;
    }

    @GetMapping("/portal")
    String portal(Caller caller, @RequestParam(required = false) String status,
                  @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model) {
        model.addAttribute("lots", books.lots(caller, blankAsNull(status), page, size));
        // htmx asks for the list alone; going back to an address it pushed, it asks for the whole page
        if ("true".equals(htmx) && !"true".equals(restore)) {
            return "portal/portal :: lots";
        }
        model.addAttribute("desk", books.desk(caller));
        model.addAttribute("alerts", alerts.list(caller, new AlertStore.Filter(AlertStore.Status.OPEN, null, null,
                null, null, ALERTS)));
        return "portal/portal";
    }

    @PostMapping("/portal/events")
    String uploadEvents(Caller caller, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return again(caller, model, "events", "portal.upload.error.empty", null);
        }
        try {
            model.addAttribute("booking", book.bookFile(caller, file.getBytes()));
        } catch (ProblemException problem) {
            if (problem.status() != HttpStatus.BAD_REQUEST) {
                throw problem;
            }
            return again(caller, model, "events", "portal.upload.error.unreadable", problem.detail());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "portal/booking";
    }

    @PostMapping("/portal/epcis")
    String uploadEpcis(Caller caller, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(defaultValue = "proceed") String behaviour, Model model) throws IOException {
        caller.requireRole(Role.OPERATOR);
        if (file == null || file.isEmpty()) {
            return again(caller, model, "epcis", "portal.upload.error.empty", null);
        }
        try (InputStream in = file.getInputStream()) {
            String id = capture.captureFile(caller, in, !"rollback".equals(behaviour.toLowerCase(Locale.ROOT)))
                    .captureId();
            return "redirect:/portal/captures/" + id;
        } catch (ProblemException problem) {
            if (!List.of(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.CONTENT_TOO_LARGE)
                    .contains(problem.status())) {
                throw problem;
            }
            return again(caller, model, "epcis", "portal.upload.error.refused", problem.detail());
        }
    }

    @GetMapping("/portal/captures/{id}")
    String captureJob(Caller caller, @PathVariable String id,
                      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        caller.requireRole(Role.OPERATOR);
        model.addAttribute("job", capture.job(caller, id));
        return "true".equals(htmx) ? "portal/capture :: job" : "portal/capture";
    }

    /** The portal again, with the upload's mistake beside its file field. */
    private String again(Caller caller, Model model, String form, String message, String detail) {
        model.addAttribute("uploadForm", form);
        model.addAttribute("uploadError", message);
        model.addAttribute("uploadDetail", detail);
        return portal(caller, null, 1, 20, null, null, model);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capture interface of the GS1 EPCIS 2.0 REST binding: discovery, asynchronous capture, capture jobs.
 *
 * <p>A document is spooled to disk as it arrives (refused with 413 the moment it passes the size limit),
 * checked in streaming passes (400 with every schema problem by event index and JSON pointer or XML line,
 * 403 for events at another operator's facility, 413 past the event limit), and only then becomes a job (202).
 * What can still fail, the ledger's own checks, is reported in the job.
 */
@RestController
@RequestMapping("/epcis")
class CaptureController {
    private static final String BEHAVIOUR = "GS1-Capture-Error-Behaviour";

    private final EpcisSettings settings;
    private final DocumentCheck check;
    private final CaptureJobs jobs;
    private final JdbcClient jdbc;

    CaptureController(EpcisSettings settings, DocumentCheck check, CaptureJobs jobs, JdbcClient jdbc) {
        this.settings = settings;
        this.check = check;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @RequestMapping(path = "/capture", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discoverCapture(Caller caller) {
        return Discovery.of("OPTIONS, POST, GET")
                .header("GS1-EPCIS-Capture-Limit", String.valueOf(settings.captureLimit()))
                .header("GS1-EPCIS-Capture-File-Size-Limit", String.valueOf(settings.captureFileSizeLimit()))
                .header(BEHAVIOUR, "rollback, proceed")
                .build();
    }

    @PostMapping("/capture")
    ResponseEntity<Void> capture(Caller caller, HttpServletRequest request,
                                 @RequestHeader(name = BEHAVIOUR, defaultValue = "rollback") String behaviourHeader)
            throws IOException {
        Binding binding = Binding.ofContentType(request.getContentType())
                .orElseThrow(() -> EpcisProblems.unsupportedMediaType(request.getContentType()));
        CaptureJobs.Behaviour behaviour;
        try {
            behaviour = CaptureJobs.Behaviour.valueOf(behaviourHeader.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, EpcisProblems.VALIDATION, "Invalid header",
                    BEHAVIOUR + " is rollback or proceed, not " + behaviourHeader, Map.of("header", BEHAVIOUR));
        }
        caller.requireRole(org.reetrace.app.security.Role.OPERATOR);
        if (request.getContentLengthLong() > settings.captureFileSizeLimit()) {
            throw EpcisProblems.tooLarge("the document has " + request.getContentLengthLong() + " bytes, more than "
                    + settings.captureFileSizeLimit() + " (GS1-EPCIS-Capture-File-Size-Limit)", settings);
        }
        Path spooled = spool(request.getInputStream(), settings);
        boolean handedOver = false;
        try {
            int events = check.check(spooled, binding, caller);
            String id = jobs.start(spooled, binding, behaviour, caller, events);
            handedOver = true;
            return ResponseEntity.accepted().location(java.net.URI.create("/epcis/capture/" + id)).build();
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    /** Copies the body to a temporary file, stopping as soon as it passes the size limit. */
    static Path spool(InputStream in, EpcisSettings settings) throws IOException {
        Path file = Files.createTempFile("epcis-capture-", ".doc");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > settings.captureFileSizeLimit()) {
                    throw EpcisProblems.tooLarge("the document has more than " + settings.captureFileSizeLimit()
                            + " bytes (GS1-EPCIS-Capture-File-Size-Limit)", settings);
                }
                out.write(buffer, 0, n);
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GetMapping("/capture")
    ResponseEntity<List<Map<String, Object>>> captureJobs(Caller caller,
                                                          @RequestParam(defaultValue = "30") int perPage,
                                                          @RequestParam(required = false) String nextPageToken) {
        if (perPage < 1 || perPage > settings.perPageMax()) {
            throw EpcisProblems.queryParameter("perPage", "must be from 1 to " + settings.perPageMax());
        }
        int offset = 0;
        if (nextPageToken != null) {
            try {
                offset = Integer.parseInt(nextPageToken);
            } catch (NumberFormatException e) {
                throw EpcisProblems.queryParameter("nextPageToken", "not a token this repository issued");
            }
        }
        boolean all = caller.readsAll();
        List<String> ids = jdbc.sql("select id from capture_job where (? or operator_id = ?) "
                        + "order by created_at desc, id limit ? offset ?")
                .params(all, caller.operatorId().orElse(""), perPage + 1, offset).query(String.class).list();
        jobs.endAbandoned(ids);
        List<Map<String, Object>> page = ids.stream().limit(perPage).map(this::job).toList();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (ids.size() > perPage) {
            response.header(HttpHeaders.LINK, "</epcis/capture?perPage=" + perPage + "&nextPageToken="
                    + (offset + perPage) + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    @RequestMapping(path = "/capture/{captureID}", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discoverCaptureJob(Caller caller, @PathVariable String captureID) {
        return Discovery.of(Discovery.READ_ONLY).build();
    }

    @GetMapping("/capture/{captureID}")
    Map<String, Object> captureJob(Caller caller, @PathVariable String captureID) {
        String owner = jdbc.sql("select coalesce(operator_id, '') from capture_job where id = ?").param(captureID)
                .query(String.class).optional()
                .orElseThrow(() -> EpcisProblems.noSuchResource("no capture job " + captureID));
        if (!caller.readsAll() && !caller.actsFor(owner)) {
            // another operator's job does not exist as far as this caller can tell
            throw EpcisProblems.noSuchResource("no capture job " + captureID);
        }
        jobs.endAbandoned(List.of(captureID));
        return job(captureID);
    }

    private Map<String, Object> job(String id) {
        Map<String, Object> job = jdbc.sql("""
                select id, created_at, finished_at, running, success, error_behaviour, event_count, stored_count
                from capture_job where id = ?""").param(id).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("captureID", rs.getString("id"));
            m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
            if (rs.getTimestamp("finished_at") != null) {
                m.put("finishedAt", rs.getTimestamp("finished_at").toInstant().toString());
            }
            m.put("running", rs.getBoolean("running"));
            m.put("success", rs.getBoolean("success"));
            m.put("captureErrorBehaviour", rs.getString("error_behaviour"));
            m.put("eventCount", rs.getInt("event_count"));
            m.put("storedCount", rs.getInt("stored_count"));
            return m;
        }).single();
        job.put("errors", jdbc.sql("""
                select event_index, event_id, type, title, detail, pointer from capture_error
                where capture_id = ? order by position limit 1000""").param(id).query((rs, n) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", rs.getString("type"));
            e.put("title", rs.getString("title"));
            e.put("detail", rs.getString("detail"));
            if (rs.getObject("event_index") != null) {
                e.put("eventIndex", rs.getInt("event_index"));
            }
            if (rs.getString("event_id") != null) {
                e.put("eventID", rs.getString("event_id"));
            }
            if (rs.getString("pointer") != null) {
                e.put("field", rs.getString("pointer"));
            }
            return e;
        }).list());
        return job;
    }

    @RequestMapping(path = {"", "/"}, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discover(Caller caller) {
        return Discovery.of(Discovery.READ_ONLY).build();
    }

    @GetMapping(path = {"", "/"})
    Map<String, Object> topLevel(Caller caller) {
        return Map.of("@context", org.reetrace.epcis.document.EpcisHeader.EPCIS_CONTEXT, "type", "Collection",
                "member", List.of("events", "eventTypes", "epcs", "bizSteps", "bizLocations", "readPoints",
                        "dispositions", "capture"));
    }
}

package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.reetrace.app.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capture interface of the GS1 EPCIS 2.0 REST binding: discovery, asynchronous capture, capture jobs. Here
 * only HTTP: media types, GS1 headers and status codes; {@link CaptureDocument} does the capturing.
 */
@RestController
@RequestMapping("/epcis")
class CaptureController {
    private static final String BEHAVIOUR = "GS1-Capture-Error-Behaviour";

    private final EpcisSettings settings;
    private final CaptureDocument capture;

    CaptureController(EpcisSettings settings, CaptureDocument capture) {
        this.settings = settings;
        this.capture = capture;
    }

    @Operation(summary = "Discover capture", description = "GS1 discovery of the capture resource: the methods it "
            + "allows, the EPCIS and CBV versions spoken, the capture limits (GS1-EPCIS-Capture-Limit, "
            + "GS1-EPCIS-Capture-File-Size-Limit) and the error behaviours (GS1-Capture-Error-Behaviour) it supports.")
    @ApiResponse(responseCode = "204", description = "The resource's discovery headers", headers = {
            @Header(name = "GS1-EPCIS-Capture-Limit", description = "Most events in one capture document"),
            @Header(name = "GS1-EPCIS-Capture-File-Size-Limit", description = "Most bytes in one capture document"),
            @Header(name = BEHAVIOUR, description = "The capture error behaviours supported: rollback, proceed")})
    @RequestMapping(path = "/capture", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discoverCapture(Caller caller) {
        return Discovery.of("OPTIONS, POST, GET")
                .header("GS1-EPCIS-Capture-Limit", String.valueOf(settings.captureLimit()))
                .header("GS1-EPCIS-Capture-File-Size-Limit", String.valueOf(settings.captureFileSizeLimit()))
                .header(BEHAVIOUR, "rollback, proceed")
                .build();
    }

    @Operation(summary = "Capture an EPCIS document", description = "Asynchronous capture of an EPCISDocument "
            + "(JSON-LD or XML) by an operator. The document is checked in full before it is accepted: 400 with every "
            + "schema and rare-earth profile problem (by event index and JSON pointer, or XML line), 403 if an event "
            + "is at a facility that is not the caller's, 413 past GS1-EPCIS-Capture-Limit events or "
            + "GS1-EPCIS-Capture-File-Size-Limit bytes, 415 for another media type. An accepted document becomes a "
            + "capture job (202, its location in Location); what the ledger refuses is listed in the job.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "An EPCISDocument", content = {
                    @Content(mediaType = "application/ld+json",
                            schema = @Schema(implementation = EpcisDocumentSchema.class)),
                    @Content(mediaType = "application/json",
                            schema = @Schema(implementation = EpcisDocumentSchema.class)),
                    @Content(mediaType = "application/xml", schema = @Schema(type = "string",
                            description = "An EPCISDocument in XML, as GS1's EPCIS 2.0 XSD defines it"))}))
    @ApiResponse(responseCode = "202", description = "Accepted: the capture job runs", headers = @Header(
            name = "Location", description = "The capture job, /epcis/capture/{captureID}"))
    @PostMapping("/capture")
    ResponseEntity<Void> capture(Caller caller, HttpServletRequest request,
                                 @Parameter(in = ParameterIn.HEADER, description = "What to do when an event is "
                                         + "refused: rollback (the default; nothing of the document is stored) or "
                                         + "proceed (everything else is stored)",
                                         schema = @Schema(allowableValues = {"rollback", "proceed"}))
                                 @RequestHeader(name = BEHAVIOUR, defaultValue = "rollback") String behaviourHeader)
            throws IOException {
        Binding binding = Binding.ofContentType(request.getContentType())
                .orElseThrow(() -> EpcisProblems.unsupportedMediaType(request.getContentType()));
        CaptureJobs.Behaviour behaviour;
        try {
            behaviour = CaptureJobs.Behaviour.valueOf(behaviourHeader.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EpcisProblems.invalidHeader(BEHAVIOUR, BEHAVIOUR + " is rollback or proceed, not " + behaviourHeader);
        }
        CaptureDocument.Accepted accepted = capture.capture(caller, request.getInputStream(),
                request.getContentLengthLong(), binding, behaviour);
        return ResponseEntity.accepted().location(URI.create("/epcis/capture/" + accepted.captureId())).build();
    }

    @Operation(summary = "List capture jobs", description = "The capture jobs the caller may see, newest first: "
            + "all of them for the regulator, customs and auditors, an operator's own otherwise. A further page "
            + "is linked in a Link header (rel=\"next\").")
    @ApiResponse(responseCode = "200", description = "A page of capture jobs", headers = @Header(name = "Link",
            description = "The next page, if any: </epcis/capture?perPage=..&nextPageToken=..>; rel=\"next\""),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CaptureJob.class))))
    @GetMapping("/capture")
    ResponseEntity<List<CaptureJob>> captureJobs(
            Caller caller,
            @Parameter(description = "Jobs per page, from 1 to the repository's maximum (1000 unless configured)")
            @RequestParam(defaultValue = "30") int perPage,
            @Parameter(description = "The token of the page to read, from the previous page's Link header")
            @RequestParam(required = false) String nextPageToken) {
        CaptureJob.Page page = capture.jobs(caller, perPage, nextPageToken);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextPageToken() != null) {
            response.header(HttpHeaders.LINK, "</epcis/capture?perPage=" + perPage + "&nextPageToken="
                    + page.nextPageToken() + ">; rel=\"next\"");
        }
        return response.body(page.jobs());
    }

    @Operation(summary = "Discover a capture job", description = "GS1 discovery of a capture job resource: "
            + "read only.")
    @ApiResponse(responseCode = "204", description = "The resource's discovery headers")
    @RequestMapping(path = "/capture/{captureID}", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discoverCaptureJob(Caller caller,
                                            @Parameter(description = "The capture job's id, from the Location of "
                                                    + "the capture") @PathVariable String captureID) {
        return Discovery.of(Discovery.READ_ONLY).build();
    }

    @Operation(summary = "Read a capture job", description = "Whether the capture job is running, whether it "
            + "succeeded, how many events it stored and why it refused the others (the first thousand reasons). "
            + "Another operator's job is not found.")
    @ApiResponse(responseCode = "200", description = "The capture job")
    @GetMapping("/capture/{captureID}")
    CaptureJob captureJob(Caller caller,
                          @Parameter(description = "The capture job's id, from the Location of the capture")
                          @PathVariable String captureID) {
        return capture.job(caller, captureID);
    }

    @Operation(summary = "Discover the EPCIS interface", description = "GS1 discovery of the top-level resource: "
            + "the EPCIS and CBV versions spoken, how EPCs and CBV values are written, the extensions known.")
    @ApiResponse(responseCode = "204", description = "The resource's discovery headers")
    @RequestMapping(path = {"", "/"}, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> discover(Caller caller) {
        return Discovery.of(Discovery.READ_ONLY).build();
    }

    @Operation(summary = "The EPCIS interface's resources", description = "The top-level collection of the GS1 "
            + "EPCIS 2.0 REST binding: events, event types, EPCs, the vocabularies and capture.")
    @ApiResponse(responseCode = "200", description = "The top-level resources")
    @GetMapping(path = {"", "/"})
    EpcisCollection topLevel(Caller caller) {
        return EpcisCollection.of(List.of("events", "eventTypes", "epcs", "bizSteps", "bizLocations", "readPoints",
                "dispositions", "capture"));
    }
}

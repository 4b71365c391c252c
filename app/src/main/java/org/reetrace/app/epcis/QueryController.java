package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The query side of the GS1 EPCIS 2.0 REST binding (events, event types, EPCs and the vocabulary resources) and
 * single-event capture ({@code POST /events}). Answers are EPCISQueryDocuments in JSON-LD or, when the client
 * asks for XML, in XML; pages follow with {@code nextPageToken} in a {@code Link: rel="next"} header. Here only
 * HTTP; {@link QueryEvents} and {@link CaptureEvent} do the work.
 */
@RestController
@RequestMapping("/epcis")
class QueryController {

    private final EpcisSettings settings;
    private final QueryEvents query;
    private final CaptureEvent captureEvent;
    private final Clock clock;

    QueryController(EpcisSettings settings, QueryEvents query, CaptureEvent captureEvent, Clock clock) {
        this.settings = settings;
        this.query = query;
        this.captureEvent = captureEvent;
        this.clock = clock;
    }

    /** OPTIONS on every query resource; {@code /events} also takes POST (one event). */
    @Operation(summary = "Discover a query resource", description = "GS1 discovery of the query resources: the "
            + "methods each allows (POST on /epcis/events too), the EPCIS and CBV versions spoken, how EPCs and CBV "
            + "values are written, the extensions known.")
    @ApiResponse(responseCode = "204", description = "The resource's discovery headers")
    @RequestMapping(method = RequestMethod.OPTIONS, path = {"/events", "/events/{eventID}", "/eventTypes",
            "/eventTypes/{eventType}", "/eventTypes/{eventType}/events", "/epcs", "/epcs/{epc}", "/epcs/{epc}/events",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}/events"})
    ResponseEntity<Void> discover(Caller caller, HttpServletRequest request) {
        boolean writable = request.getRequestURI().equals(request.getContextPath() + "/epcis/events");
        return Discovery.of(writable ? Discovery.WRITABLE : Discovery.READ_ONLY).build();
    }

    @Operation(summary = "Query events", description = "A GS1 SimpleEventQuery in query parameters, over the "
            + "events the caller may see (an operator those of its own facilities; the regulator, customs and "
            + "auditors all). List parameters take values separated by '|'. A parameter this repository does not "
            + "support is refused, never ignored. Events come in the order of capture unless orderBy asks another.")
    @EventQueryParameters
    @GetMapping("/events")
    ResponseEntity<byte[]> events(Caller caller, HttpServletRequest request) {
        return answer(request, query.events(caller, query.parse(request.getParameterMap())));
    }

    @Operation(summary = "Read an event", description = "The event with this eventID (and its error declaration, "
            + "if one was captured), if the caller may see it. The eventID is URL-encoded as one path segment "
            + "(ni:///sha-256;...?ver=CBV2.0 as ni%3A%2F%2F%2Fsha-256%3B...%3Fver%3DCBV2.0).")
    @ApiResponse(responseCode = "200", description = "An EPCISQueryDocument with the event (JSON-LD, or XML when "
            + "the Accept header names application/xml or text/xml before any JSON)", content = {
            @Content(mediaType = "application/ld+json", schema = @Schema(type = "object", description = EpcisApiDocs.JSON_LD)),
            @Content(mediaType = "application/json", schema = @Schema(type = "object", description = EpcisApiDocs.JSON_LD)),
            @Content(mediaType = "application/xml", schema = @Schema(type = "string", description = EpcisApiDocs.XML))},
            headers = @Header(name = "GS1-Extensions", description = "The extension namespaces the events may use: "
                    + "ree, the rare-earth profile"))
    @GetMapping("/events/{eventID}")
    ResponseEntity<byte[]> event(Caller caller, HttpServletRequest request,
                                 @Parameter(description = "The event's eventID (URL-encoded)") @PathVariable String eventID) {
        return QueryAnswers.document(request, query.event(caller, segment(request, 2)), null, clock.instant());
    }

    @Operation(summary = "Event types", description = "The EPCIS 2.0 event types.")
    @ApiResponse(responseCode = "200", description = "The event types")
    @GetMapping("/eventTypes")
    EpcisCollection eventTypes(Caller caller) {
        return EpcisCollection.of(QueryEvents.EVENT_TYPES);
    }

    @Operation(summary = "An event type", description = "The resources of an event type: its events.")
    @ApiResponse(responseCode = "200", description = "The event type's resources")
    @GetMapping("/eventTypes/{eventType}")
    EpcisCollection eventType(Caller caller,
                              @Parameter(description = "An EPCIS event type, such as ObjectEvent") @PathVariable String eventType) {
        query.requireEventType(eventType);
        return EpcisCollection.of(List.of("events"));
    }

    @Operation(summary = "Query events of a type", description = "Query events as GET /epcis/events does, of one "
            + "event type.")
    @EventQueryParameters
    @GetMapping("/eventTypes/{eventType}/events")
    ResponseEntity<byte[]> eventsOfType(Caller caller, HttpServletRequest request,
                                        @Parameter(description = "An EPCIS event type, such as ObjectEvent")
                                        @PathVariable String eventType) {
        query.requireEventType(eventType);
        return answer(request, query.events(caller,
                query.parse(request.getParameterMap()).with("eventType", eventType)));
    }

    @Operation(summary = "EPCs", description = "The EPCs (of events, parents, inputs and outputs) of the events the "
            + "caller may see.")
    @ApiResponse(responseCode = "200", description = "The EPCs")
    @GetMapping("/epcs")
    EpcisCollection epcs(Caller caller) {
        return EpcisCollection.of(query.epcs(caller));
    }

    @Operation(summary = "An EPC", description = "The resources of an EPC: its events.")
    @ApiResponse(responseCode = "200", description = "The EPC's resources")
    @GetMapping("/epcs/{epc}")
    EpcisCollection epc(Caller caller,
                        @Parameter(description = "An EPC (URL-encoded URI)") @PathVariable String epc) {
        return EpcisCollection.of(List.of("events"));
    }

    @Operation(summary = "Query events of an EPC", description = "Query events as GET /epcis/events does, of the "
            + "events that name this EPC in any role (MATCH_anyEPC).")
    @EventQueryParameters
    @GetMapping("/epcs/{epc}/events")
    ResponseEntity<byte[]> eventsOfEpc(Caller caller, HttpServletRequest request,
                                       @Parameter(description = "An EPC (URL-encoded URI)") @PathVariable String epc) {
        return answer(request, query.events(caller,
                query.parse(request.getParameterMap()).with("MATCH_anyEPC", segment(request, 2))));
    }

    @Operation(summary = "Vocabulary values", description = "The values of a vocabulary (business steps, business "
            + "locations, read points, dispositions) that the events the caller may see use.")
    @ApiResponse(responseCode = "200", description = "The vocabulary's values")
    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}")
    EpcisCollection vocabulary(Caller caller,
                               @Parameter(description = "bizSteps, bizLocations, readPoints or dispositions")
                               @PathVariable String vocabulary) {
        return EpcisCollection.of(query.vocabulary(caller, vocabulary));
    }

    @Operation(summary = "A vocabulary value", description = "The resources of a vocabulary value: its events.")
    @ApiResponse(responseCode = "200", description = "The value's resources")
    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}")
    EpcisCollection vocabularyEntry(Caller caller,
                                    @Parameter(description = "bizSteps, bizLocations, readPoints or dispositions")
                                    @PathVariable String vocabulary,
                                    @Parameter(description = "A value of the vocabulary (URL-encoded)")
                                    @PathVariable String value) {
        return EpcisCollection.of(List.of("events"));
    }

    @Operation(summary = "Query events of a vocabulary value", description = "Query events as GET /epcis/events "
            + "does, of the events with this business step, business location, read point or disposition.")
    @EventQueryParameters
    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}/events")
    ResponseEntity<byte[]> eventsOfVocabulary(Caller caller, HttpServletRequest request,
                                              @Parameter(description = "bizSteps, bizLocations, readPoints or "
                                                      + "dispositions") @PathVariable String vocabulary,
                                              @Parameter(description = "A value of the vocabulary (URL-encoded)")
                                              @PathVariable String value) {
        return answer(request, query.events(caller, query.parse(request.getParameterMap())
                .with(QueryEvents.VOCABULARIES.get(vocabulary).parameter(), segment(request, 2))));
    }

    /** One event, captured synchronously: 201 with its Location, or the same problems a capture job lists. */
    @Operation(summary = "Capture one event", description = "Synchronous capture of one EPCIS event in JSON-LD "
            + "(with its own @context): checked as an event of a document would be (400 with every schema or "
            + "rare-earth profile problem, 403 at another operator's facility), then booked and stored at once: 201. "
            + "The same event sent again (same eventID, same content) is 200 and changes nothing; another event "
            + "under a used eventID is 409; what the ledger refuses is 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "One EPCIS event", content = {
                    @Content(mediaType = "application/ld+json", schema = @Schema(type = "object",
                            description = "One EPCIS 2.0 event (ObjectEvent, AggregationEvent, TransactionEvent, "
                                    + "TransformationEvent or AssociationEvent) in JSON-LD, with its @context")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object",
                            description = "One EPCIS 2.0 event in JSON-LD, with its @context"))}))
    @ApiResponse(responseCode = "201", description = "Captured", headers = @Header(name = "Location",
            description = "The event, /epcis/events/{eventID}"))
    @ApiResponse(responseCode = "200", description = "Captured before: nothing changed", headers = @Header(
            name = "Location", description = "The event, /epcis/events/{eventID}"))
    @PostMapping("/events")
    ResponseEntity<Void> captureOne(Caller caller, HttpServletRequest request,
                                    @Parameter(in = ParameterIn.HEADER, description = "application/ld+json or "
                                            + "application/json")
                                    @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws IOException {
        if (Binding.ofContentType(contentType).filter(b -> b == Binding.JSON).isEmpty()) {
            throw EpcisProblems.unsupportedMediaType(contentType);
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(settings.captureFileSizeLimit(), 16 << 20));
        CaptureEvent.Captured captured = captureEvent.capture(caller, body);
        URI location = URI.create("/epcis/events/" + URLEncoder.encode(captured.eventId(), StandardCharsets.UTF_8));
        return captured.created() ? ResponseEntity.created(location).build()
                : ResponseEntity.ok().location(location).build();
    }

    /**
     * The {@code n}-th segment of the request's path below the context ({@code /epcis} is 0), decoded whole. Ids
     * are URIs: a {@code ;} in one (ni:///sha-256;...) belongs to it, where Spring's path variable would take it
     * for the start of a path parameter and drop the rest. An encoded slash stays in its segment (the connector
     * passes it through, web.ConnectorSettings).
     */
    private static String segment(HttpServletRequest request, int n) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UriUtils.decode(path.split("/", -1)[n + 1], StandardCharsets.UTF_8);
    }

    private ResponseEntity<byte[]> answer(HttpServletRequest request, QueryEvents.Page page) {
        return QueryAnswers.document(request, page.events(), page.next().orElse(null), clock.instant());
    }
}

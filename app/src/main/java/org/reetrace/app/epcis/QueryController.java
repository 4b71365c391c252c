package org.reetrace.app.epcis;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.reetrace.app.ledger.LedgerWriter;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.profile.ProfileReading;
import org.reetrace.epcis.profile.RareEarthProfile;
import org.reetrace.epcis.validation.ValidationProblem;
import org.reetrace.epcis.xml.XmlDocumentWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query side of the GS1 EPCIS 2.0 REST binding (events, event types, EPCs and the vocabulary resources) and
 * single-event capture ({@code POST /events}). Answers are EPCISQueryDocuments in JSON-LD or, when the client
 * asks for XML, in XML; pages follow with {@code nextPageToken} in a {@code Link: rel="next"} header.
 */
@RestController
@RequestMapping("/epcis")
class QueryController {
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final List<String> EVENT_TYPES = List.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    /** Vocabulary resources: path, stored column, the query parameter its sub-resource filters on, its CBV. */
    private static final Map<String, String[]> VOCABULARIES = Map.of(
            "bizSteps", new String[] {"biz_step", "EQ_bizStep"},
            "bizLocations", new String[] {"biz_location", "EQ_bizLocation"},
            "readPoints", new String[] {"read_point", "EQ_readPoint"},
            "dispositions", new String[] {"disposition", "EQ_disposition"});

    private final EpcisStore store;
    private final EpcisSettings settings;
    private final DocumentCheck check;
    private final LedgerWriter ledger;
    private final org.reetrace.app.registry.StoredRegistry registry;
    private final Clock clock;

    QueryController(EpcisStore store, EpcisSettings settings, DocumentCheck check, LedgerWriter ledger,
                    org.reetrace.app.registry.StoredRegistry registry, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.check = check;
        this.ledger = ledger;
        this.registry = registry;
        this.clock = clock;
    }

    /** OPTIONS on every query resource; {@code /events} also takes POST (one event). */
    @RequestMapping(method = RequestMethod.OPTIONS, path = {"/events", "/events/{eventID}", "/eventTypes",
            "/eventTypes/{eventType}", "/eventTypes/{eventType}/events", "/epcs", "/epcs/{epc}", "/epcs/{epc}/events",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}",
            "/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}/events"})
    ResponseEntity<Void> discover(Caller caller, HttpServletRequest request) {
        boolean writable = request.getRequestURI().equals(request.getContextPath() + "/epcis/events");
        return Discovery.of(writable ? Discovery.WRITABLE : Discovery.READ_ONLY).build();
    }

    @GetMapping("/events")
    ResponseEntity<byte[]> events(Caller caller, HttpServletRequest request) {
        return answer(caller, request, EventQuery.parse(request.getParameterMap(), settings));
    }

    @GetMapping("/events/{eventID}")
    ResponseEntity<byte[]> event(Caller caller, HttpServletRequest request, @PathVariable String eventID) {
        EventQuery query = EventQuery.parse(Map.of(), settings).with("EQ_eventID", eventID);
        List<Found> found = page(caller, query);
        if (found.isEmpty()) {
            throw EpcisProblems.noSuchResource("no event " + eventID);
        }
        return document(request, found.stream().map(Found::event).toList(), null);
    }

    @GetMapping("/eventTypes")
    Map<String, Object> eventTypes(Caller caller) {
        return collection(EVENT_TYPES);
    }

    @GetMapping("/eventTypes/{eventType}")
    Map<String, Object> eventType(Caller caller, @PathVariable String eventType) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw EpcisProblems.noSuchResource("no event type " + eventType);
        }
        return collection(List.of("events"));
    }

    @GetMapping("/eventTypes/{eventType}/events")
    ResponseEntity<byte[]> eventsOfType(Caller caller, HttpServletRequest request, @PathVariable String eventType) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw EpcisProblems.noSuchResource("no event type " + eventType);
        }
        return answer(caller, request, EventQuery.parse(request.getParameterMap(), settings).with("eventType", eventType));
    }

    /** The EPCs (of events, parents, inputs and outputs) of the events the caller may see. */
    @GetMapping("/epcs")
    Map<String, Object> epcs(Caller caller) {
        return collection(store.epcs(EventQuery.visibility(caller)));
    }

    @GetMapping("/epcs/{epc}")
    Map<String, Object> epc(Caller caller, @PathVariable String epc) {
        return collection(List.of("events"));
    }

    @GetMapping("/epcs/{epc}/events")
    ResponseEntity<byte[]> eventsOfEpc(Caller caller, HttpServletRequest request, @PathVariable String epc) {
        return answer(caller, request, EventQuery.parse(request.getParameterMap(), settings).with("MATCH_anyEPC", epc));
    }

    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}")
    Map<String, Object> vocabulary(Caller caller, @PathVariable String vocabulary) {
        String[] v = VOCABULARIES.get(vocabulary);
        List<String> values = store.distinct(v[0], EventQuery.visibility(caller));
        return collection(values.stream().map(value -> switch (vocabulary) {
            case "bizSteps" -> Cbv.BIZ_STEP.jsonSpelling(value);
            case "dispositions" -> Cbv.DISPOSITION.jsonSpelling(value);
            default -> value;
        }).toList());
    }

    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}")
    Map<String, Object> vocabularyEntry(Caller caller, @PathVariable String vocabulary, @PathVariable String value) {
        return collection(List.of("events"));
    }

    @GetMapping("/{vocabulary:bizSteps|bizLocations|readPoints|dispositions}/{value}/events")
    ResponseEntity<byte[]> eventsOfVocabulary(Caller caller, HttpServletRequest request,
                                              @PathVariable String vocabulary, @PathVariable String value) {
        return answer(caller, request,
                EventQuery.parse(request.getParameterMap(), settings).with(VOCABULARIES.get(vocabulary)[1], value));
    }

    /** One event, captured synchronously: 201 with its Location, or the same problems a capture job lists. */
    @PostMapping("/events")
    ResponseEntity<Void> captureOne(Caller caller, HttpServletRequest request,
                                    @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws java.io.IOException {
        if (Binding.ofContentType(contentType).filter(b -> b == Binding.JSON).isEmpty()) {
            throw EpcisProblems.unsupportedMediaType(contentType);
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(settings.captureFileSizeLimit(), 16 << 20));
        JsonNode node;
        try {
            node = EXACT.readTree(body);
        } catch (JacksonException e) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, "", "not JSON: " + e.getOriginalMessage())), false);
        }
        List<ValidationProblem> problems = new java.util.ArrayList<>(check.jsonValidator().validateEvent(0, "", node));
        if (node == null || !node.has("@context")) {
            problems.add(new ValidationProblem(0, "/@context", "a single event carries its JSON-LD @context"));
        }
        if (!problems.isEmpty()) {
            throw EpcisProblems.invalid(problems, false);
        }
        EpcisEvent raw;
        try {
            raw = JsonDocumentReader.readEvent(node);
        } catch (MalformedEventException e) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, e.location(), e.reason())), false);
        }
        CapturedEvent captured = CapturedEvent.of(0, raw, clock.instant(), java.util.UUID.randomUUID().toString());
        if (captured.reading() instanceof ProfileReading.Invalid invalid) {
            throw EpcisProblems.invalid(List.of(new ValidationProblem(0, invalid.field(),
                    "rare-earth profile: " + invalid.message())), false);
        }
        check.authorise(caller, 0, captured.facility()).ifPresent(refused -> {
            throw ProblemException.forbidden(String.valueOf(refused.get("message")));
        });
        String stored = store.hashesOf(List.of(captured.eventId())).get(captured.key());
        URI location = URI.create("/epcis/events/" + URLEncoder.encode(captured.eventId(), StandardCharsets.UTF_8));
        if (stored != null) {
            if (stored.equals(captured.hash())) {
                return ResponseEntity.ok().location(location).build();
            }
            throw new ProblemException(HttpStatus.CONFLICT, EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                    "eventID " + captured.eventId() + " names another event", Map.of("eventID", captured.eventId()));
        }
        String operator = captured.facility().flatMap(registry::facility).map(f -> f.operator().value())
                .orElse(caller.operatorId().orElse(null));
        CapturedEvent.StoredRow row = captured.row(operator, null);
        // the EPCIS row commits in the ledger's transaction, and only with a booked event
        List<LedgerEvent> booked = captured.reading() instanceof ProfileReading.Profiled p ? List.of(p.event())
                : List.of();
        List<Outcome> outcomes = ledger.submit(booked, answers -> {
            if (answers.stream().allMatch(a -> a instanceof Outcome.Booked)) {
                store.insert(List.of(row));
            }
        }).join();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Refused r) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "ledger-" + r.reason().code().replace('.', '-'), "Event refused by the ledger",
                        r.reason().message(), Map.of("code", r.reason().code(), "field", r.reason().field(),
                        "eventID", r.eventId(), "figures", r.reason().figures()));
            }
            if (outcome instanceof Outcome.Conflict c) {
                throw new ProblemException(HttpStatus.CONFLICT, EpcisProblems.ALREADY_EXISTS, "Event ID already used",
                        "event " + c.eventId() + " was booked at sequence " + c.sequence() + " with other content",
                        Map.of("eventID", c.eventId()));
            }
        }
        return ResponseEntity.created(location).build();
    }

    private ResponseEntity<byte[]> answer(Caller caller, HttpServletRequest request, EventQuery query) {
        List<Found> rows = page(caller, query);
        String next = null;
        if (rows.size() > query.perPage()) {
            rows = rows.subList(0, query.perPage());
            next = nextLink(request, query, rows.getLast().seq());
        }
        return document(request, rows.stream().map(Found::event).toList(), next);
    }

    /** One more row than a page, to know whether another page follows. */
    private List<Found> page(Caller caller, EventQuery query) {
        return store.query(query.sql(caller), query.afterSeq(), query.perPage() + 1).stream()
                .map(r -> new Found(r.seq(), JsonDocumentReader.readEvent(r.body()))).toList();
    }

    private record Found(long seq, EpcisEvent event) {
    }

    private static String nextLink(HttpServletRequest request, EventQuery query, long lastSeq) {
        StringBuilder link = new StringBuilder(request.getRequestURI()).append('?');
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("nextPageToken")) {
                for (String v : values) {
                    link.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        link.append("nextPageToken=").append(EventQuery.token(lastSeq));
        return "<" + link + ">; rel=\"next\"";
    }

    /** JSON-LD unless the client prefers XML (an Accept naming application/xml or text/xml before any JSON). */
    private ResponseEntity<byte[]> document(HttpServletRequest request, List<EpcisEvent> events, String next) {
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        int xmlAt = Math.max(accept.indexOf("application/xml"), accept.indexOf("text/xml"));
        int jsonAt = accept.indexOf("json");
        boolean xml = xmlAt >= 0 && (jsonAt < 0 || xmlAt < jsonAt);
        EpcisHeader header = new EpcisHeader(DocumentType.EPCISQueryDocument, "2.0", clock.instant(),
                List.of(EpcisHeader.EPCIS_CONTEXT),
                // the profile's prefix, so that its fields read ree:... as in the documents captured
                Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE), null, null, null, "SimpleEventQuery", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        if (xml) {
            try (XmlDocumentWriter w = XmlDocumentWriter.open(out, header)) {
                events.forEach(w::write);
            }
            type = MediaType.APPLICATION_XML;
        } else {
            try (JsonDocumentWriter w = JsonDocumentWriter.open(out, header)) {
                events.forEach(w::write);
            }
            type = accept.contains("application/ld+json") ? MediaType.parseMediaType("application/ld+json")
                    : MediaType.APPLICATION_JSON;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type);
        if (next != null) {
            response.header(HttpHeaders.LINK, next);
        }
        return response.body(out.toByteArray());
    }

    private static Map<String, Object> collection(List<String> members) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("@context", EpcisHeader.EPCIS_CONTEXT);
        c.put("type", "Collection");
        c.put("member", members);
        return c;
    }

}

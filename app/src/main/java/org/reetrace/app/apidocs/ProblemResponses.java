package org.reetrace.app.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 9457 problems every operation can answer with, described once as the {@code ProblemDetail} schema and
 * one shared response per status, each with an example of the problems the application really sends.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEMA = "ProblemDetail";
    private static final String ERROR_SCHEMA = "ProblemError";
    /** The base of every problem type of the native API (as {@code org.reetrace.app.web.Problems.BASE}). */
    private static final String TYPES = "https://reetrace.org/problems/";
    private static final Set<PathItem.HttpMethod> WRITES =
            Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** A problem response: its status, the name of its shared component, what it means and an example. */
    private record Problem(String status, String name, String description, Map<String, Object> example) {
    }

    private static final Problem BAD_REQUEST = new Problem("400", "BadRequest",
            "Bad input: a body that is not well-formed (`malformed-request`, with `line` and `column`), a field or"
                    + " parameter that is invalid (`invalid-request`, `invalid-input`, `invalid-parameter`, with `errors`"
                    + " naming each `field` and its `reason`), or an EPCIS document that does not validate"
                    + " (`epcisException:ValidationException`). Nothing was stored.",
            example("invalid-request", "Invalid request", 400, "1 field is invalid", "/api/operators",
                    Map.of("errors", List.of(ordered("field", "country", "reason", "must be an ISO 3166-1 alpha-2 code")))));
    private static final Problem UNAUTHORIZED = new Problem("401", "Unauthorized",
            "No valid bearer token: the `Authorization: Bearer <token>` header is missing or not a bearer token"
                    + " (`unauthorized`), or the token expired (`token-expired`, with `expired`) or was revoked"
                    + " (`token-revoked`). The answer carries `WWW-Authenticate: Bearer realm=\"reetrace\"`.",
            example("unauthorized", "Authentication required", 401,
                    "This request needs an 'Authorization: Bearer <token>' header", "/api/lots/L-1", Map.of()));
    private static final Problem FORBIDDEN = new Problem("403", "Forbidden",
            "The token's caller may not do this: its role does not allow it, or an operator asked for another"
                    + " operator's records (`forbidden`).",
            example("forbidden", "Not allowed", 403, "only the regulator may register operators", "/api/operators",
                    Map.of()));
    private static final Problem NOT_FOUND = new Problem("404", "NotFound",
            "Nothing with this id (`not-found`, with `id`; in EPCIS `epcisException:NoSuchResourceException`).",
            example("not-found", "Not found", 404, "no lot with id L-404", "/api/lots/L-404", Map.of("id", "L-404")));
    private static final Problem CONFLICT = new Problem("409", "Conflict",
            "The request contradicts what is stored: an id used before for other content (`event-id-conflict`, with"
                    + " `eventId` and `field`), or a resource that already exists. Nothing was changed.",
            example("event-id-conflict", "Event id already used", 409,
                    "event E-1 was booked at sequence 17 with other content", "/api/events",
                    ordered("eventId", "E-1", "field", "id")));
    private static final Problem UNPROCESSABLE = new Problem("422", "UnprocessableContent",
            "Well-formed, but refused: the ledger refused the event (`ledger-...`, with its `code`, `field`, `eventId`"
                    + " and the `figures` it was decided on), a BLOCK rule refused it (`rule-blocked`, with `ruleId`,"
                    + " `citation`, `pack`, `packVersion`), or a registry change would break an invariant. Nothing was"
                    + " changed.",
            example("ledger-mass-gain-beyond-tolerance", "Event refused by the ledger", 422,
                    "received 1030000 mg of lot L-7 but 1000000 mg were shipped; tolerance is 5000 mg", "/api/events",
                    ordered("code", "mass.gain-beyond-tolerance", "field", "receivedMass", "eventId", "E-2",
                            "figures", ordered("receivedMg", 1030000, "shippedMg", 1000000, "toleranceMg", 5000),
                            "errors", List.of(ordered("field", "receivedMass", "reason",
                                    "received 1030000 mg of lot L-7 but 1000000 mg were shipped; tolerance is 5000 mg")))));
    private static final Problem TOO_MANY = new Problem("429", "TooManyRequests",
            "Too many failed authentications from this address (`too-many-failed-authentications`, with"
                    + " `retryAfterSeconds`); retry after the `Retry-After` seconds. A valid token still passes.",
            example("too-many-failed-authentications", "Too many failed authentications", 429,
                    "Too many failed authentications from this address; retry after 30 s", "/api/lots/L-1",
                    Map.of("retryAfterSeconds", 30)));
    private static final Problem INTERNAL = new Problem("500", "InternalError",
            "The server could not complete the request (`internal-error`); quote `errorRef`, which the server log"
                    + " also holds, when reporting it.",
            example("internal-error", "Internal error", 500,
                    "The server could not complete the request. Quote errorRef 7c0e2a4e-54d1-4c2f-9a59-0f1e9b1d2c3a"
                            + " when reporting it.", "/api/lots/L-1",
                    Map.of("errorRef", "7c0e2a4e-54d1-4c2f-9a59-0f1e9b1d2c3a")));
    private static final Problem UNAVAILABLE = new Problem("503", "ServiceUnavailable",
            "The server cannot take the request now (`service-unavailable`); nothing was done, and the same request"
                    + " may be sent again later.",
            example("service-unavailable", "Service Unavailable", 503, "The server cannot take requests now",
                    "/api/lots/L-1", Map.of()));

    private ProblemResponses() {
    }

    /** Adds the schemas and the shared responses. */
    static void describe(Components components) {
        components.addSchemas(ERROR_SCHEMA, problemError());
        components.addSchemas(SCHEMA, problemDetail());
        for (Problem problem : List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE,
                TOO_MANY, INTERNAL, UNAVAILABLE)) {
            ApiResponse response = new ApiResponse().description(problem.description()).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                            .example(problem.example())));
            if (problem == TOO_MANY) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds until this address may try again")
                        .schema(typed("integer").format("int64")));
            }
            if (problem == UNAUTHORIZED) {
                response.addHeaderObject("WWW-Authenticate", new Header()
                        .description("`Bearer realm=\"reetrace\"`")
                        .schema(typed("string")));
            }
            components.addResponses(problem.name(), response);
        }
    }

    /**
     * The problems {@code operation} can answer with: bad input, an unexpected failure and unavailability always;
     * 401, 403 and 429 where it needs a token; 404 where its path names something; 409 and 422 where it writes.
     * A response the operation describes itself is kept, and gets the problem body if it has none.
     */
    static void addTo(Operation operation, String path, PathItem.HttpMethod method, boolean needsToken) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        add(operation, BAD_REQUEST);
        if (needsToken) {
            add(operation, UNAUTHORIZED);
            add(operation, FORBIDDEN);
        }
        if (path.contains("{")) {
            add(operation, NOT_FOUND);
        }
        if (WRITES.contains(method)) {
            add(operation, CONFLICT);
            add(operation, UNPROCESSABLE);
        }
        if (needsToken) {
            add(operation, TOO_MANY);
        }
        add(operation, INTERNAL);
        add(operation, UNAVAILABLE);
    }

    private static void add(Operation operation, Problem problem) {
        ApiResponse own = operation.getResponses().get(problem.status());
        if (own == null) {
            operation.getResponses().addApiResponse(problem.status(),
                    new ApiResponse().$ref("#/components/responses/" + problem.name()));
        } else if (own.get$ref() == null && (own.getContent() == null || own.getContent().get(PROBLEM_JSON) == null)) {
            Content content = own.getContent() == null ? new Content() : own.getContent();
            own.content(content.addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
        }
    }

    @SuppressWarnings("rawtypes") // swagger-models types properties as raw schemas
    private static Schema<?> problemDetail() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri").description("The problem's type, a URI clients may switch"
                + " on: `" + TYPES + "<slug>` in the native API, `epcisException:<name>` in EPCIS"));
        properties.put("title", typed("string").description("Short, the same for every problem of this type"));
        properties.put("status", typed("integer").format("int32").description("The HTTP status code"));
        properties.put("detail", typed("string").description("This occurrence, with its ids and numbers"));
        properties.put("instance", typed("string").format("uri-reference").description("The request's path"));
        properties.put("errors", typed("array").items(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
                .description("Each thing wrong with the input (invalid requests, refused rule packs, EPCIS validation)"));
        properties.put("field", typed("string").description("Where in the input the problem is, as a field path such"
                + " as `events[2].outputs` or a JSON pointer"));
        properties.put("line", typed("integer").format("int32").description("Line of the input where it broke"));
        properties.put("column", typed("integer").format("int32").description("Column of the input where it broke"));
        properties.put("pointer", typed("string").description("JSON pointer to the offending value"));
        properties.put("parameter", typed("string").description("The query or path parameter at fault"));
        properties.put("id", typed("string").description("The id that names nothing"));
        properties.put("code", typed("string").description("The ledger's reason code for a refused event, such as"
                + " `mass.exceeds-input`"));
        properties.put("eventId", typed("string").description("The event refused or in conflict"));
        properties.put("index", typed("integer").format("int32").description("The refused event's place in a batch"));
        properties.put("figures", typed("object").additionalProperties(true)
                .description("The numbers a refusal was decided on, by name"));
        properties.put("ruleId", typed("string").description("The BLOCK rule that refused the event"));
        properties.put("citation", typed("string").description("The law the rule states"));
        properties.put("jurisdiction", typed("string").description("The rule's jurisdiction"));
        properties.put("pack", typed("string").description("The rule pack that decided"));
        properties.put("packVersion", typed("string").description("The version of that pack"));
        properties.put("explanation", typed("string").description("Why the rule decided so, with its numbers"));
        properties.put("problemCount", typed("integer").format("int32").description("How many problems an EPCIS"
                + " document has; `errors` lists the first hundred"));
        properties.put("retryAfterSeconds", typed("integer").format("int64").description("Seconds until this client"
                + " may authenticate again"));
        properties.put("expired", typed("string").format("date-time").description("When the token expired"));
        properties.put("errorRef", typed("string").description("Reference of an unexpected failure in the server log"));
        Schema<Object> problem = typed("object");
        problem.setDescription("An RFC 9457 problem detail. Besides the standard members a problem carries those of"
                + " its type that apply, and clients must ignore members they do not know.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemError() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", typed("string").description("The field, parameter or rule at fault"));
        properties.put("reason", typed("string").description("What is wrong with it"));
        properties.put("rule", typed("string").description("The rule of a refused rule pack"));
        properties.put("line", typed("integer").format("int32").description("Line in the input"));
        properties.put("column", typed("integer").format("int32").description("Column in the input"));
        properties.put("pointer", typed("string").description("JSON pointer in an EPCIS document"));
        properties.put("eventIndex", typed("integer").format("int32").description("The event's place in an EPCIS"
                + " document"));
        properties.put("message", typed("string").description("What is wrong, in an EPCIS validation problem"));
        Schema<Object> error = typed("object");
        error.setDescription("One thing wrong with the input");
        error.setProperties(properties);
        error.setAdditionalProperties(true);
        return error;
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 writes it ({@code types}) and as 3.0 did ({@code type}). */
    static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    private static Map<String, Object> example(String slug, String title, int status, String detail, String instance,
                                               Map<String, Object> extensions) {
        Map<String, Object> example = ordered("type", TYPES + slug, "title", title, "status", status,
                "detail", detail, "instance", instance);
        example.putAll(extensions);
        return example;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

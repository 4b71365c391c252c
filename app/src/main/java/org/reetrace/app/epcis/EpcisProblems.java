package org.reetrace.app.epcis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.app.web.ProblemException;
import org.reetrace.epcis.validation.ValidationProblem;
import org.springframework.http.HttpStatus;

/**
 * The EPCIS interface's problems, typed with the exception names of the GS1 REST binding
 * ({@code epcisException:ValidationException}, ...), which GS1 clients switch on.
 */
final class EpcisProblems {
    static final String VALIDATION = "epcisException:ValidationException";
    static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    static final String CAPTURE_LIMIT = "epcisException:CaptureLimitExceededException";
    static final String NO_SUCH_RESOURCE = "epcisException:NoSuchResourceException";
    static final String UNSUPPORTED_MEDIA_TYPE = "epcisException:UnsupportedMediaTypeException";
    static final String ALREADY_EXISTS = "epcisException:ResourceAlreadyExistsException";
    static final String IMPLEMENTATION = "epcisException:ImplementationException";
    static final String NOT_ACCEPTABLE = "epcisException:NotAcceptableException";
    static final String QUERY_TOO_LARGE = "epcisException:QueryTooLargeException";
    static final String SUBSCRIPTION_CONTROLS = "epcisException:SubscriptionControlsException";
    /** A problem list is cut here: the first hundred say enough, and a body must stay small. */
    static final int MAX_LISTED = 100;

    private EpcisProblems() {
    }

    static ProblemException invalid(List<ValidationProblem> problems, boolean xml) {
        List<Map<String, Object>> listed = problems.stream().limit(MAX_LISTED).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if (p.eventIndex() != ValidationProblem.DOCUMENT) {
                m.put("eventIndex", p.eventIndex());
            }
            m.put(xml && p.location().contains(":") && !p.location().startsWith("/") ? "line" : "pointer", p.location());
            m.put("message", p.message());
            return m;
        }).toList();
        ValidationProblem first = problems.getFirst();
        String where = (first.eventIndex() == ValidationProblem.DOCUMENT ? "document" : "event " + first.eventIndex())
                + (first.location().isEmpty() ? "" : " at " + first.location());
        return new ProblemException(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid EPCIS document",
                problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; first: " + where + ": "
                        + first.message(), Map.of("errors", listed, "problemCount", problems.size()));
    }

    static ProblemException queryParameter(String parameter, String why) {
        return new ProblemException(HttpStatus.BAD_REQUEST, QUERY_PARAMETER, "Invalid query parameter",
                parameter + ": " + why, Map.of("parameter", parameter));
    }

    /** The binding's 406: the client asks for a version (GS1-EPCIS-Min/Max, GS1-CBV-Min/Max) not spoken here. */
    /** A request header whose value cannot be taken: a 400 ValidationException naming the header. */
    static ProblemException invalidHeader(String header, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid header", detail,
                Map.of("header", header));
    }

    static ProblemException notAcceptable(String header, String detail) {
        return new ProblemException(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE,
                "Conflicting request and response headers", detail, Map.of("header", header));
    }

    /** The binding's 413 for a query: more events than maxEventCount (or than this repository sorts at once). */
    static ProblemException queryTooLarge(String detail, long limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, QUERY_TOO_LARGE, "Query result too large", detail,
                Map.of("limit", limit));
    }

    /** A subscription that cannot be made as asked (no stream nor schedule, a bad schedule or destination). */
    static ProblemException subscriptionControls(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, SUBSCRIPTION_CONTROLS, "Invalid subscription", detail,
                Map.of());
    }

    static ProblemException alreadyExists(String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ALREADY_EXISTS, title, detail, Map.of());
    }

    static ProblemException noSuchResource(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, NO_SUCH_RESOURCE, "No such resource", what, Map.of());
    }

    static ProblemException tooLarge(String detail, EpcisSettings limits) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, CAPTURE_LIMIT, "Capture payload too large", detail,
                Map.of("captureLimit", limits.captureLimit(), "captureFileSizeLimit", limits.captureFileSizeLimit()));
    }

    static ProblemException unsupportedMediaType(String contentType) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "an EPCIS document is application/ld+json, application/json, application/xml or text/xml, not "
                        + contentType, Map.of());
    }
}

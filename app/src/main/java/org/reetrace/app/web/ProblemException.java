package org.reetrace.app.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A failure that the caller should see as an RFC 9457 problem: thrown anywhere below a controller,
 * turned into a response by {@link ProblemHandler}. The message is for the caller, so it names what
 * was asked and why it cannot be done, never internals.
 *
 * <pre>{@code
 * throw new ProblemException(HttpStatus.CONFLICT, "lot-not-active", "Lot is not active",
 *         "lot L-17 was exported on 2025-03-02", Map.of("lot", "L-17", "lotStatus", "EXPORTED"));
 * }</pre>
 */
public class ProblemException extends RuntimeException {

    private static final List<String> RFC_9457_MEMBERS = List.of("type", "title", "status", "detail", "instance");

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties;

    /**
     * @param type       a slug such as {@code lot-not-active}, which becomes
     *                   {@code https://reetrace.org/problems/lot-not-active}, or an absolute URI
     * @param title      short, the same for every occurrence of this type
     * @param detail     this occurrence, with its numbers and ids
     * @param properties extra members of the problem body (ids, amounts); values must serialise to JSON
     */
    public ProblemException(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(Objects.requireNonNull(detail, "detail"));
        this.status = Objects.requireNonNull(status, "status");
        this.type = Problems.type(type);
        this.title = Objects.requireNonNull(title, "title");
        this.properties = Map.copyOf(properties);
        if (!status.isError()) {
            throw new IllegalArgumentException("a problem needs an error status, not " + status);
        }
        for (String member : RFC_9457_MEMBERS) {
            if (properties.containsKey(member)) {
                throw new IllegalArgumentException("property '" + member + "' would overwrite the problem's own member");
            }
        }
    }

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no " + what + " with id " + id, Map.of("id", id));
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, title, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

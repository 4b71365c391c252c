package org.reetrace.app.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Every error leaves as an RFC 9457 problem ({@code application/problem+json}). Spring MVC's own
 * failures (404, 405, 415, ...) come through {@link ResponseEntityExceptionHandler} and get a
 * reetrace type URI; malformed bodies say where they broke; validation lists each field; anything
 * unexpected becomes a 500 whose {@code errorRef} is also logged with the stack trace, so support can
 * find the cause without the response revealing it.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.detail());
        body.setType(e.type());
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"reetrace\"");
        }
        if (e.properties().get("retryAfterSeconds") instanceof Integer seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return createResponseEntity(body, headers, e.status(), request);
    }

    /** A body that says it is multipart and is not. (No endpoint takes multipart; a broken one is the client's.) */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body says it is multipart/form-data but cannot be read as such");
        body.setType(Problems.type("malformed-request"));
        body.setTitle("Malformed request body");
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A form body whose field names Spring Security's firewall refuses (control characters, say) when a handler
     * reads it: the client's malformed request, not the server's failure.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(Exception e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request holds a parameter name or value that cannot be read safely: " + e.getMessage());
        body.setType(Problems.type("malformed-request"));
        body.setTitle("Malformed request");
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A failure that waited in a future (the ledger writer's answer) is the failure it carries. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<Object> completion(CompletionException e, WebRequest request) {
        return e.getCause() instanceof ProblemException problem ? problem(problem, request) : unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        String errorRef = UUID.randomUUID().toString();
        log.error("Unexpected error, errorRef {}, on {}", errorRef, request.getDescription(false), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request. Quote errorRef " + errorRef + " when reporting it.");
        body.setType(Problems.type("internal-error"));
        body.setTitle("Internal error");
        body.setProperty("errorRef", errorRef);
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(Problems.type("malformed-request"));
        body.setTitle("Malformed request body");
        if (e.getCause() instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            String field = fieldPath(json.getPath());
            StringBuilder detail = new StringBuilder();
            if (json instanceof StreamReadException) {
                // a syntax error: Jackson's own words say what it expected, with no Java types in them
                detail.append("Invalid JSON: ").append(json.getOriginalMessage());
            } else if (json instanceof InvalidNullException) {
                detail.append(field.isEmpty() ? "A value" : "'" + field + "'").append(" must not be null");
            } else {
                detail.append("The value ").append(field.isEmpty() ? "" : "of '" + field + "' ")
                        .append("does not have the expected type or form");
            }
            if (at != null && at.getLineNr() > 0) {
                detail.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
                body.setProperty("line", at.getLineNr());
                body.setProperty("column", at.getColumnNr());
            }
            if (!field.isEmpty()) {
                body.setProperty("field", field);
            }
            body.setDetail(detail.toString());
        } else {
            body.setDetail("The request body is missing or cannot be read");
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getField(), reason(error))));
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), reason(error))));
        return invalid(e, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    error instanceof FieldError field ? field.getField() : String.valueOf(name), reason(error))));
        });
        return invalid(e, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is nothing at " + e.getHttpMethod() + " /" + e.getResourcePath());
        body.setType(Problems.type("not-found"));
        body.setTitle("Not found");
        return handleExceptionInternal(e, body, headers, HttpStatus.NOT_FOUND, request);
    }

    /** Spring's generic problems (404, 405, 415, ...) get a reetrace type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(Problems.forStatus(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(Exception e, List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        body.setType(Problems.type("invalid-request"));
        body.setTitle("Invalid request");
        body.setProperty("errors", errors.stream().map(FieldProblem::asMap).toList());
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String reason(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** One entry of a validation problem's {@code errors} array. */
    record FieldProblem(String field, String reason) {
        Map<String, Object> asMap() {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", field);
            entry.put("reason", reason);
            return entry;
        }
    }
}

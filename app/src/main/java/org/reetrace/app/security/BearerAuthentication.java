package org.reetrace.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an {@code /api/**} request reach its handler only with a valid {@code Authorization: Bearer}
 * token, and leaves the resolved {@link Caller} on the request. Failures are thrown as 401 problems,
 * which Spring MVC routes through the same problem handler as every other error. A client that failed too often
 * gets 429 with {@code Retry-After} for each further failure until its allowance is back; a valid token still passes,
 * so that callers sharing an address with a guesser (behind one NAT or proxy) are not locked out, and guessing
 * gains nothing from it: a token has 256 random bits.
 */
@Component
class BearerAuthentication implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final FailedAuthentications failures;

    BearerAuthentication(ApiTokens tokens, FailedAuthentications failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String client = request.getRemoteAddr();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw failed(client, response,
                    ProblemException.unauthorized("This request needs an 'Authorization: Bearer <token>' header"));
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw failed(client, response,
                    ProblemException.unauthorized("Only bearer tokens are accepted ('Authorization: Bearer <token>')"));
        }
        // the answer speaks of this token only: whether other tokens exist, or whose this one was, it does not say
        return switch (tokens.check(header.substring(SCHEME.length()).trim())) {
            case ApiTokens.Check.Valid valid -> {
                request.setAttribute(CALLER_ATTRIBUTE, valid.caller());
                yield true;
            }
            case ApiTokens.Check.Expired expired -> throw failed(client, response, new ProblemException(
                    HttpStatus.UNAUTHORIZED, "token-expired", "Token expired",
                    "The bearer token expired at " + expired.at() + "; ask the regulator for a new one",
                    Map.of("expired", expired.at().toString())));
            case ApiTokens.Check.Revoked revoked -> throw failed(client, response, new ProblemException(
                    HttpStatus.UNAUTHORIZED, "token-revoked", "Token revoked", "The bearer token was revoked"));
            case ApiTokens.Check.Unknown unknown -> throw failed(client, response,
                    ProblemException.unauthorized("The bearer token is not valid"));
        };
    }

    /** The 401 for this failure, or a 429 if it was one too many. */
    private ProblemException failed(String client, HttpServletResponse response, ProblemException unauthorized) {
        return failures.failed(client).map(wait -> tooMany(response, wait)).orElse(unauthorized);
    }

    private static ProblemException tooMany(HttpServletResponse response, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        // set here because the problem handler builds its own headers; the servlet response keeps this one
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
                "Too many failed authentications", "Too many failed authentications from this address; retry after "
                + seconds + " s", Map.of("retryAfterSeconds", seconds));
    }
}

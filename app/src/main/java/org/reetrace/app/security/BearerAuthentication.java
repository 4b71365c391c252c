package org.reetrace.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an {@code /api/**} request reach its handler only with a valid {@code Authorization: Bearer}
 * token, and leaves the resolved {@link Caller} on the request. Failures are thrown as 401 problems,
 * which Spring MVC routes through the same problem handler as every other error.
 */
@Component
class BearerAuthentication implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;

    BearerAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ProblemException.unauthorized("This request needs an 'Authorization: Bearer <token>' header");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw ProblemException.unauthorized("Only bearer tokens are accepted ('Authorization: Bearer <token>')");
        }
        Optional<Caller> caller = tokens.resolve(header.substring(SCHEME.length()).trim());
        if (caller.isEmpty()) {
            throw ProblemException.unauthorized("The bearer token is not valid");
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        return true;
    }
}

package org.reetrace.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every page request, checks that the token a person signed in with is still valid (not revoked, not expired):
 * if it is not, the session ends and the person is asked to sign in again. Otherwise it leaves the {@link Caller} on
 * the request, where controllers find it exactly as for a bearer token.
 */
class SessionTokenCheck extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Clock clock;

    SessionTokenCheck(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            boolean valid = tokens.find(person.tokenId())
                    .filter(stored -> stored.status(clock.instant()) == StoredToken.Status.VALID)
                    .isPresent();
            if (valid) {
                request.setAttribute(BearerAuthentication.CALLER_ATTRIBUTE, person.caller());
            } else {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/sign-in?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package org.reetrace.app.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to the pages with an API token: the same tokens, roles and failed-attempt limit as the API, so
 * that a page can never let in someone the API would refuse. The exceptions carry message keys, which the sign-in
 * page shows in the person's language.
 */
@Component
class TokenSignIn implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final FailedAuthentications failures;

    TokenSignIn(ApiTokens tokens, FailedAuthentications failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String token = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString().trim();
        String client = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        return switch (tokens.check(token)) {
            case ApiTokens.Check.Valid valid -> {
                Caller caller = valid.caller();
                var signedIn = UsernamePasswordAuthenticationToken.authenticated(new SignedInPerson(valid.id(), caller),
                        null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
                signedIn.setDetails(attempt.getDetails());
                yield signedIn;
            }
            case ApiTokens.Check.Expired expired -> throw failed(client, new CredentialsExpiredException("signin.expired"));
            case ApiTokens.Check.Revoked revoked -> throw failed(client, new BadCredentialsException("signin.revoked"));
            case ApiTokens.Check.Unknown unknown -> throw failed(client, new BadCredentialsException("signin.unknown"));
        };
    }

    private AuthenticationException failed(String client, AuthenticationException refusal) {
        return failures.failed(client).<AuthenticationException>map(wait -> new LockedException("signin.too-many"))
                .orElse(refusal);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

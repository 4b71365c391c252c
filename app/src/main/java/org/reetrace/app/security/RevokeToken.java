package org.reetrace.app.security;

import java.time.Clock;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.ProblemException;

/** Revokes a token from now on: the regulator any, an operator its own; revoking it again changes nothing. */
@UseCase
public class RevokeToken {

    private final ApiTokens tokens;
    private final Clock clock;

    public RevokeToken(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public TokenView revoke(Caller caller, String id) {
        ListTokens.visible(tokens, caller, id);
        StoredToken revoked = tokens.revoke(id, caller.name()).orElseThrow(() -> ProblemException.notFound("token", id));
        return TokenView.of(revoked, clock.instant());
    }
}

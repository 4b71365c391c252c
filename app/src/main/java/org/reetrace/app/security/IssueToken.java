package org.reetrace.app.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The regulator issues a bearer token; its clear text is in this answer only, since only its hash is stored. */
@UseCase
public class IssueToken {

    /** @param expires null for a token valid until revoked */
    @Schema(name = "IssuedToken", description = "A token as issued, with its clear text")
    public record Issued(String id, String name, String role, String operator, String expires, String token) {
    }

    private final ApiTokens tokens;

    public IssueToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param operator the operator an OPERATOR token acts for; only an OPERATOR token acts for one
     * @param expires  an instant, or a date read at midnight in Malaysia, before the default expiry (operators'
     *                 tokens expire after {@code reetrace.tokens.operator-lifetime} at the latest); null for the default
     */
    public Issued issue(Caller issuer, String name, Role role, Optional<String> operator, String expires) {
        issuer.requireRegulator();
        if ((role == Role.OPERATOR) != operator.isPresent()) {
            throw Instants.invalid("operator", role == Role.OPERATOR
                    ? "an OPERATOR token needs the operator it acts for" : "only an OPERATOR token acts for an operator");
        }
        return issue(issuer, new Caller(name, role, operator),
                Optional.ofNullable(Instants.parse(expires, "expires", null)));
    }

    /** Whom {@code token} speaks for while it is valid: issued here, neither expired nor revoked. */
    public Optional<Caller> holder(String token) {
        return tokens.resolve(token);
    }

    /** Issues a token to {@code holder}, who is already a valid caller. */
    public Issued issue(Caller issuer, Caller holder, Optional<Instant> expires) {
        issuer.requireRegulator();
        IssuedToken issued;
        try {
            issued = tokens.issue(holder, expires);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("expires", e.getMessage());
        } catch (ApiTokens.UnknownOperator e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown", "Unknown operator",
                    e.getMessage(), Map.of("field", "operator"));
        }
        return new Issued(issued.id(), holder.name(), holder.role().name(), holder.operatorId().orElse(null),
                issued.expires().map(Instant::toString).orElse(null), issued.token());
    }
}

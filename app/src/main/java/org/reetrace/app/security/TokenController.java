package org.reetrace.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: the regulator issues them; the regulator lists and revokes any, an operator lists and revokes its own.
 * A listing shows each token's id and life cycle, never the secret or its hash; the secret is in the issuing answer
 * only.
 */
@RestController
public class TokenController {

    /**
     * @param expires an ISO-8601 instant (or a date, read at midnight in Malaysia) before the default expiry:
     *                operators' tokens expire after {@code reetrace.tokens.operator-lifetime} at the latest
     */
    public record NewToken(@NotBlank @Size(max = 200) @Pattern(regexp = "\\P{Cc}*", message = "has control characters")
                           String name,
                           @NotNull Role role,
                           @Pattern(regexp = "[\\x21-\\x7E]{1,128}", message = "is not an operator id") String operator,
                           String expires) {
    }

    public record TokenView(String id, String name, String role, String operator, Instant created, Instant expires,
                            Instant lastUsed, Instant revoked, String revokedBy, StoredToken.Status status) {
        static TokenView of(StoredToken t, Instant now) {
            return new TokenView(t.id(), t.caller().name(), t.caller().role().name(),
                    t.caller().operatorId().orElse(null), t.created(), t.expires().orElse(null),
                    t.lastUsed().orElse(null), t.revoked().orElse(null), t.revokedBy().orElse(null), t.status(now));
        }
    }

    private static final java.util.regex.Pattern OPERATOR_ID = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final ApiTokens tokens;
    private final Clock clock;

    public TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Issues a bearer token; its clear text is in this answer only. */
    @PostMapping("/api/tokens")
    public ResponseEntity<Map<String, Object>> issue(Caller caller, @Valid @RequestBody NewToken body) {
        caller.requireRegulator();
        Optional<String> operator = Optional.ofNullable(body.operator());
        if ((body.role() == Role.OPERATOR) != operator.isPresent()) {
            throw Instants.invalid("operator", body.role() == Role.OPERATOR
                    ? "an OPERATOR token needs the operator it acts for" : "only an OPERATOR token acts for an operator");
        }
        Optional<Instant> expires = Optional.ofNullable(Instants.parse(body.expires(), "expires", null));
        IssuedToken issued;
        try {
            issued = tokens.issue(new Caller(body.name(), body.role(), operator), expires);
        } catch (IllegalArgumentException e) {
            throw Instants.invalid("expires", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown", "Unknown operator",
                    "no operator " + operator.orElse(""), Map.of("field", "operator"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", issued.id());
        answer.put("name", body.name());
        answer.put("role", body.role().name());
        answer.put("operator", operator.orElse(null));
        answer.put("expires", issued.expires().map(Instant::toString).orElse(null));
        answer.put("token", issued.token());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(answer);
    }

    /** The regulator's every token ({@code operator} narrows it to one operator's), an operator's its own. */
    @GetMapping("/api/tokens")
    public List<TokenView> list(Caller caller, @RequestParam(required = false) String operator) {
        if (operator != null && !OPERATOR_ID.matcher(operator).matches()) {
            throw Instants.invalid("operator", "is not an operator id");
        }
        Optional<String> of;
        if (caller.isRegulator()) {
            of = Optional.ofNullable(operator);
        } else if (caller.role() == Role.OPERATOR) {
            of = caller.operatorId();
            if (operator != null) {
                caller.requireRegulatorOrOperator(operator);
            }
        } else {
            throw ProblemException.forbidden("only the regulator and operators list tokens");
        }
        Instant now = clock.instant();
        return tokens.list(of).stream().map(t -> TokenView.of(t, now)).toList();
    }

    @GetMapping("/api/tokens/{id}")
    public TokenView token(Caller caller, @PathVariable String id) {
        return TokenView.of(visible(caller, id), clock.instant());
    }

    /** Revokes a token from now on; revoking it again changes nothing. */
    @DeleteMapping("/api/tokens/{id}")
    public TokenView revoke(Caller caller, @PathVariable String id) {
        visible(caller, id);
        StoredToken revoked = tokens.revoke(id, caller.name()).orElseThrow(() -> ProblemException.notFound("token", id));
        return TokenView.of(revoked, clock.instant());
    }

    /** A token the caller may see; another operator's is as absent as one that never was. */
    private StoredToken visible(Caller caller, String id) {
        if (!caller.isRegulator() && caller.role() != Role.OPERATOR) {
            throw ProblemException.forbidden("only the regulator and operators manage tokens");
        }
        return tokens.find(id)
                .filter(t -> caller.isRegulator() || t.caller().operatorId().filter(caller::actsFor).isPresent())
                .orElseThrow(() -> ProblemException.notFound("token", id));
    }
}

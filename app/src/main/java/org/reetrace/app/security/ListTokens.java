package org.reetrace.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;

/**
 * Lists tokens: the regulator any, an operator its own; another operator's token is as absent as one that never
 * was. A listing shows each token's id and life cycle, never the secret or its hash.
 */
@UseCase
public class ListTokens {

    private static final Pattern OPERATOR_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final ApiTokens tokens;
    private final Clock clock;

    public ListTokens(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The regulator's every token ({@code operator} narrows it to one operator's), an operator's its own. */
    public List<TokenView> list(Caller caller, String operator) {
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

    public TokenView token(Caller caller, String id) {
        return TokenView.of(visible(tokens, caller, id), clock.instant());
    }

    /** A token the caller may see; another operator's is as absent as one that never was. */
    static StoredToken visible(ApiTokens tokens, Caller caller, String id) {
        if (!caller.isRegulator() && caller.role() != Role.OPERATOR) {
            throw ProblemException.forbidden("only the regulator and operators manage tokens");
        }
        return tokens.find(id)
                .filter(t -> caller.isRegulator() || t.caller().operatorId().filter(caller::actsFor).isPresent())
                .orElseThrow(() -> ProblemException.notFound("token", id));
    }
}

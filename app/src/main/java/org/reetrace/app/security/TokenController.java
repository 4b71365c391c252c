package org.reetrace.app.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    @Schema(description = "A token to issue")
    public record NewToken(@NotBlank @Size(max = 200) @Pattern(regexp = "\\P{Cc}*", message = "has control characters")
                           @Schema(description = "Who the token is for, as audit records show it") String name,
                           @NotNull Role role,
                           @Pattern(regexp = "[\\x21-\\x7E]{1,128}", message = "is not an operator id")
                           @Schema(description = "The operator an OPERATOR token acts for") String operator,
                           @Schema(description = "An instant, or a date read at midnight in Malaysia, before the"
                                   + " default expiry; operators' tokens expire after the operators' lifetime at the"
                                   + " latest") String expires) {
    }

    private final IssueToken issueToken;
    private final ListTokens listTokens;
    private final RevokeToken revokeToken;

    public TokenController(IssueToken issueToken, ListTokens listTokens, RevokeToken revokeToken) {
        this.issueToken = issueToken;
        this.listTokens = listTokens;
        this.revokeToken = revokeToken;
    }

    @Operation(summary = "Issue a token", description = "The regulator issues a bearer token; its clear text is in this"
            + " answer only.")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 the answer sets
    @PostMapping("/api/tokens")
    public ResponseEntity<IssueToken.Issued> issue(Caller caller, @Valid @RequestBody NewToken body) {
        IssueToken.Issued issued = issueToken.issue(caller, body.name(), body.role(),
                Optional.ofNullable(body.operator()), body.expires());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
    }

    @Operation(summary = "List tokens", description = "The regulator's every token (or one operator's), an operator's"
            + " its own; never a secret.")
    @GetMapping("/api/tokens")
    public List<TokenView> list(Caller caller, @Parameter(description = "Only the tokens acting for this operator")
                                @RequestParam(required = false) String operator) {
        return listTokens.list(caller, operator);
    }

    @Operation(summary = "Read a token", description = "One token's life cycle; an operator reads only its own.")
    @GetMapping("/api/tokens/{id}")
    public TokenView token(Caller caller, @Parameter(description = "The token's id, tok_ and 16 hex digits")
                           @PathVariable String id) {
        return listTokens.token(caller, id);
    }

    @Operation(summary = "Revoke a token", description = "Revokes a token from now on; revoking it again changes"
            + " nothing. An operator revokes only its own.")
    @DeleteMapping("/api/tokens/{id}")
    public TokenView revoke(Caller caller, @Parameter(description = "The token's id, tok_ and 16 hex digits")
                            @PathVariable String id) {
        return revokeToken.revoke(caller, id);
    }
}

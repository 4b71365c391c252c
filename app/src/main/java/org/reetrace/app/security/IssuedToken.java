package org.reetrace.app.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A freshly issued bearer token: the only moment its clear text exists, since only its hash is stored.
 *
 * @param id      what names the token in listings and revocations; not a secret
 * @param expires when it stops being valid; empty for a token that is valid until revoked
 */
public record IssuedToken(String id, String token, Caller caller, Optional<Instant> expires) {

    public IssuedToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(expires, "expires");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", " + caller + "]";
    }
}

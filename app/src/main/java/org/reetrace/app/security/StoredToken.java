package org.reetrace.app.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A token as it is listed: who it is for and its life cycle, never its secret or the hash of it. */
public record StoredToken(String id, Caller caller, Instant created, Optional<Instant> expires,
                          Optional<Instant> lastUsed, Optional<Instant> revoked, Optional<String> revokedBy) {

    /** Where a token is in its life. */
    public enum Status { VALID, EXPIRED, REVOKED }

    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(lastUsed, "lastUsed");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(revokedBy, "revokedBy");
    }

    /** A revoked token stays revoked whatever its expiry. */
    public Status status(Instant now) {
        if (revoked.isPresent()) {
            return Status.REVOKED;
        }
        return expires.filter(e -> !e.isAfter(now)).isPresent() ? Status.EXPIRED : Status.VALID;
    }
}

package org.reetrace.app.security;

import java.time.Instant;

/** A token as listed: who it is for and its life cycle, never its secret or the hash of it. */
public record TokenView(String id, String name, String role, String operator, Instant created, Instant expires,
                        Instant lastUsed, Instant revoked, String revokedBy, StoredToken.Status status) {

    static TokenView of(StoredToken t, Instant now) {
        return new TokenView(t.id(), t.caller().name(), t.caller().role().name(),
                t.caller().operatorId().orElse(null), t.created(), t.expires().orElse(null),
                t.lastUsed().orElse(null), t.revoked().orElse(null), t.revokedBy().orElse(null), t.status(now));
    }
}

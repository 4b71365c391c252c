package org.reetrace.app.security;

import java.util.Objects;

/** A freshly issued bearer token: the only moment its clear text exists, since only its hash is stored. */
public record IssuedToken(String token, Caller caller) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + caller + "]";
    }
}

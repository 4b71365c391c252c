package org.reetrace.app.database;

import java.util.Objects;

/** Where and as whom the application connects: the embedded server's coordinates or the external URL. */
public record PostgresTarget(String jdbcUrl, String username, String password) {

    public PostgresTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    @Override
    public String toString() {
        // never print the password into logs
        return "PostgresTarget[" + jdbcUrl + " as " + username + "]";
    }
}

package org.reetrace.app.epcis;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A named query as the binding shows it: its name and its query object (and when it was made). */
record NamedQueryView(String name, JsonNode query, Instant createdAt) {

    static NamedQueryView of(NamedQuery q) {
        return new NamedQueryView(q.name(), q.query(), q.createdAt());
    }
}

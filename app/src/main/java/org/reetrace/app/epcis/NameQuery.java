package org.reetrace.app.epcis;

import java.time.Clock;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Someone who may query events keeps a SimpleEventQuery under a name, to run it again or subscribe to it. The
 * query is checked as {@code GET /epcis/events} checks its parameters: one this repository does not support is
 * refused now (QueryParameterException), not when it runs.
 */
@UseCase
class NameQuery {
    private final NamedQueryStore store;
    private final QueryEvents events;
    private final Clock clock;

    NameQuery(NamedQueryStore store, QueryEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    NamedQueryView name(Caller caller, String name, JsonNode query) {
        EventQuery.visibility(caller);
        if (name == null || !NamedQuery.NAME.matcher(name).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, EpcisProblems.VALIDATION, "Invalid query name",
                    "name: one to a hundred letters, digits, '.', '_', '~' or '-', not " + name,
                    java.util.Map.of("field", "name"));
        }
        events.parse(NamedQuery.parameters(query));
        NamedQuery named = new NamedQuery(name, caller, (ObjectNode) query, clock.instant());
        if (!store.insert(named)) {
            throw EpcisProblems.alreadyExists("Query name already used", "a named query " + name + " exists");
        }
        return NamedQueryView.of(named);
    }
}

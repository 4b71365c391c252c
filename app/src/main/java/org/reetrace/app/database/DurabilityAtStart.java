package org.reetrace.app.database;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once a server listens, where an operator looks first: whether an acknowledged event survives a crash (the
 * database's {@link Durability}), whichever PostgreSQL it uses.
 */
@Component
class DurabilityAtStart {

    private static final Logger log = LoggerFactory.getLogger(DurabilityAtStart.class);

    private final DataSource dataSource;

    DurabilityAtStart(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(WebServerInitializedEvent.class)
    void serving() {
        Durability.of(dataSource).log(log);
    }
}

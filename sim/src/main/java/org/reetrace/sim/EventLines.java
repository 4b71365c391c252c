package org.reetrace.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.LedgerEvent;

/**
 * Writes events one per line: the ledger's canonical form ({@link CanonicalForm}: the bytes the hash chain signs)
 * with its fields joined by tabs, without the version line. Every value the canonical form writes is escaped, so
 * a line never breaks. This is the simulator's own line-oriented output; EPCIS 2.0 documents in the project's
 * profile are for the epcis module's writer to produce from the same events (not wired here yet).
 */
public final class EventLines implements EventSink {

    private final Writer out;

    public EventLines(Writer out) {
        this.out = out;
    }

    public static String line(LedgerEvent event) {
        String canonical = CanonicalForm.of(event);
        int firstBreak = canonical.indexOf('\n');
        String body = canonical.substring(firstBreak + 1);
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return body.replace('\n', '\t');
    }

    @Override
    public void accept(LedgerEvent event) {
        try {
            out.write(line(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing event " + event.id() + " failed", e);
        }
    }
}

package org.reetrace.app.lot;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;

/**
 * Reading a lot: form, status, mass, composition in mg and as oxide percentages, TREO. The regulator, customs and
 * auditors read every lot; an operator the lots it holds.
 */
@UseCase
public class ReadLot {

    /** An event of a lot: the event in brief, or only its type and place in the chain if it is not the caller's. */
    public record LotEvent(long sequence, String type, @JsonInclude(Include.NON_NULL) LotQueries.EventSummary event) {
    }

    private final LotQueries queries;
    private final TraceSteps steps;
    private final StoredRegistry registry;

    public ReadLot(LotQueries queries, TraceSteps steps, StoredRegistry registry) {
        this.queries = queries;
        this.steps = steps;
        this.registry = registry;
    }

    public LotViews.LotView read(Caller caller, String id) {
        return LotViews.lot(readable(queries, caller, id));
    }

    /**
     * The events that made the lot, took it into or out of a transformation, and last changed it, in order. An
     * operator reading its own lot sees an event at another operator's facility (a transformation there) only as
     * its type and sequence.
     */
    public List<LotEvent> events(Caller caller, String id) {
        readable(queries, caller, id);
        Disclosure disclosure = new Disclosure(caller, registry);
        return steps.events(id).stream().map(e -> new LotEvent(e.sequence(), e.type(),
                disclosure.facility(e.facility()) ? e : null)).toList();
    }

    /** The stored lot, for whoever holds the database (the command line). */
    public Optional<LotQueries.StoredLot> readAsSystem(String id) {
        return queries.lot(id);
    }

    /** The stored lot if the caller may read it; an unknown lot is not found. */
    static LotQueries.StoredLot readable(LotQueries queries, Caller caller, String id) {
        LotQueries.StoredLot stored = queries.lot(id).orElseThrow(() -> ProblemException.notFound("lot", id));
        caller.requireReader(stored.lot().holder().value());
        return stored;
    }
}

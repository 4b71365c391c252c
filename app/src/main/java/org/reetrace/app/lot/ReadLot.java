package org.reetrace.app.lot;

import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;

/**
 * Reading a lot: form, status, mass, composition in mg and as oxide percentages, TREO. The regulator, customs and
 * auditors read every lot; an operator the lots it holds.
 */
@UseCase
public class ReadLot {

    private final LotQueries queries;

    public ReadLot(LotQueries queries) {
        this.queries = queries;
    }

    public LotViews.LotView read(Caller caller, String id) {
        return LotViews.lot(readable(queries, caller, id));
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

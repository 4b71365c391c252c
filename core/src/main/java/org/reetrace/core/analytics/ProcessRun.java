package org.reetrace.core.analytics;

import java.time.YearMonth;

import org.reetrace.core.event.EventId;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * One transformation seen by the balance book, in rare-earth mg: what went in, what came out as products (every
 * output that is not residue), as residue, and what was declared lost. The yield check reads it.
 */
public record ProcessRun(EventId event, FacilityId facility, YearMonth month, ProcessKind process, long inputMg,
                         long productMg, long residueMg, long declaredLossMg) {

    /** Share of the rare earths that went in and came out as product. */
    public double recovery() {
        return inputMg == 0 ? 0 : (double) productMg / inputMg;
    }
}

package org.reetrace.core.rules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * What rules need from the books beyond the event itself: a port, implemented in the app over the ledger and its
 * store. Both answers are as the books stand before the event being checked.
 */
public interface LedgerFacts {

    Optional<Lot> lot(LotId id);

    /** Mass a mine extracted in a calendar year (the quota year; the rule engine's zone decides the year). */
    Mass extractedInYear(FacilityId mine, int year);

    /** No books: for on-demand assessments of lots passed in whole. */
    LedgerFacts NONE = of(id -> Optional.empty(), Map.of());

    static LedgerFacts of(Function<LotId, Optional<Lot>> lots, Map<FacilityId, Map<Integer, Mass>> extracted) {
        return new LedgerFacts() {
            @Override
            public Optional<Lot> lot(LotId id) {
                return lots.apply(id);
            }

            @Override
            public Mass extractedInYear(FacilityId mine, int year) {
                return extracted.getOrDefault(mine, Map.of()).getOrDefault(year, Mass.ZERO);
            }
        };
    }
}

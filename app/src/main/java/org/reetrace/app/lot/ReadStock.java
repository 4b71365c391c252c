package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

/**
 * Reading a facility's stock: its element masses and the active lots there, for the readers of the facility. Of
 * lots there that others hold, an operator learns only how many there are.
 */
@UseCase
public class ReadStock {

    /** The stock as of a ledger sequence; {@code withheldLots} only for a caller who does not read everything. */
    public record FacilityStock(String facility, long asOfSequence, Map<String, Long> compositionMg,
                                BigDecimal elementsKg, List<StockedLot> activeLots,
                                @JsonInclude(Include.NON_NULL) Integer withheldLots) {
    }

    public record StockedLot(String id, String form, BigDecimal massKg) {
    }

    private final LotQueries queries;
    private final StoredRegistry registry;

    public ReadStock(LotQueries queries, StoredRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    public FacilityStock read(Caller caller, String facilityId) {
        Facility facility = registry.facility(FacilityId.of(facilityId))
                .orElseThrow(() -> ProblemException.notFound("facility", facilityId));
        caller.requireReader(facility.operator().value());
        LotQueries.Stock stock = queries.stock(facilityId);
        List<LotQueries.StockLot> shown = stock.activeLots().stream()
                .filter(l -> caller.readsAll() || caller.actsFor(l.holder().value())).toList();
        return new FacilityStock(facilityId, stock.updatedSeq(), LotViews.mg(stock.composition()),
                Mass.ofMilligrams(stock.composition().totalMg()).kilograms(),
                shown.stream().map(l -> new StockedLot(l.id().value(), l.form().name(), l.mass().kilograms())).toList(),
                caller.readsAll() ? null : stock.activeLots().size() - shown.size());
    }
}

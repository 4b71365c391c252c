package org.reetrace.app.lot;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.reetrace.app.UseCase;
import org.reetrace.app.alerts.RoundTripStore;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;

/**
 * Reading a lot's pedigree: every path from its origins with its element masses and shares, and totals by origin
 * and by stage country. Who may read it is who may read the lot; an operator sees a mine named only if it is its own,
 * a supplier abroad never (the import may be another operator's record).
 *
 * <p>A lot the regulator confirmed as an export coming back (a round trip) has the exported lot's pedigree, its
 * paths scaled to the lot's own composition, in place of "imported from" the neighbour: the correction recorded
 * beside the ledger is applied here, on read, and the booked events stay as they are.
 */
@UseCase
public class ReadPedigree {

    /** Round trips of round trips are followed this far, no further (and never in a circle). */
    private static final int MAX_ROUND_TRIPS = 16;

    private final LotQueries queries;
    private final StoredRegistry registry;
    private final RoundTripStore roundTrips;

    public ReadPedigree(LotQueries queries, StoredRegistry registry, RoundTripStore roundTrips) {
        this.queries = queries;
        this.registry = registry;
        this.roundTrips = roundTrips;
    }

    public LotViews.PedigreeView read(Caller caller, String id) {
        Disclosure disclosure = new Disclosure(caller, registry);
        Lot lot = ReadLot.readable(queries, caller, id).lot();
        Optional<RoundTripStore.RoundTrip> roundTrip = roundTrips.of(lot.id().value());
        Pedigree pedigree = roundTrip.map(r -> earlierPedigree(lot, r.exportedLot())).orElse(lot.pedigree());
        return LotViews.pedigree(lot, pedigree, roundTrip.map(RoundTripStore.RoundTrip::exportedLot).orElse(null),
                origin -> disclosure.all() || origin.kind() == Origin.Kind.MINE && disclosure.facility(origin.source()));
    }

    /** The exported lot's pedigree (itself corrected if it too came back), scaled to the re-imported lot. */
    private Pedigree earlierPedigree(Lot lot, String exportedLot) {
        Set<String> seen = new HashSet<>();
        seen.add(lot.id().value());
        String at = exportedLot;
        Pedigree earlier = null;
        while (at != null && seen.add(at) && seen.size() <= MAX_ROUND_TRIPS) {
            Optional<LotQueries.StoredLot> exported = queries.lot(at);
            if (exported.isEmpty()) {
                break;
            }
            earlier = exported.get().lot().pedigree();
            at = roundTrips.of(at).map(RoundTripStore.RoundTrip::exportedLot).orElse(null);
        }
        if (earlier == null || earlier.isEmpty() || lot.composition().isZero()) {
            return lot.pedigree();
        }
        return earlier.allocate(lot.composition());
    }
}

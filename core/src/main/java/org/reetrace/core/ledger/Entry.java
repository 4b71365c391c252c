package org.reetrace.core.ledger;

import java.util.List;
import java.util.Set;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * What an accepted event changed, for the store to write in the same transaction as the event: the lots as they
 * now are, the lineage it added (parent lot to child lot), the facilities whose stock changed, and what it takes
 * to reverse it ({@link #undo()}).
 *
 * @param sequence position in the chain, from 1
 * @param hash     this event's link in the chain
 * @param previous the link before it
 * @param before   the lots it changed as they were before it, for those that existed (a lot it created is absent)
 * @param delta    what it changed in the national balance, account by account (signed)
 */
public record Entry(long sequence, String hash, String previous, LedgerEvent event, List<Lot> lots,
                    List<Lineage> lineage, Set<FacilityId> facilities, List<Lot> before, Balance delta) {

    /** {@code parent} went, in part or whole, into {@code child}. */
    public record Lineage(LotId parent, LotId child) {
    }

    public Entry {
        lots = List.copyOf(lots);
        lineage = List.copyOf(lineage);
        facilities = Set.copyOf(facilities);
        before = List.copyOf(before);
    }

    /** What a reversal of this entry's event needs to know, for a {@link History} to keep. */
    public Undo undo() {
        return new Undo(event.id(), event.type(), event.facility(), before, lots, delta);
    }
}

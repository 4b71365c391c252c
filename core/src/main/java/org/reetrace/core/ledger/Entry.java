package org.reetrace.core.ledger;

import java.util.List;
import java.util.Set;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * What an accepted event changed, for the store to write in the same transaction as the event: the lots as they
 * now are, the lineage it added, the facilities whose stock changed, and what it takes to reverse it
 * ({@link #undo()}).
 *
 * @param sequence position in the chain, from 1
 * @param hash     this event's link in the chain
 * @param previous the link before it
 * @param digest   SHA-256 of the event's canonical form: the same id with another digest is another event
 * @param lineage  the lots that went into the lots it made ({@link Lineage#NONE} for all but transformations)
 * @param before   the lots it changed as they were before it, for those that existed (a lot it created is absent)
 * @param delta    what it changed in the national balance, account by account (signed)
 */
public record Entry(long sequence, String hash, String previous, String digest, LedgerEvent event, List<Lot> lots,
                    Lineage lineage, Set<FacilityId> facilities, List<Lot> before, Balance delta) {

    /**
     * Every input went, in part or whole, into every output. Kept as the two lists rather than their pairs: a
     * separation batch of two hundred feed lots and a dozen products is two hundred and twelve facts, not 2,400.
     */
    public record Lineage(List<LotId> inputs, List<LotId> outputs) {

        public static final Lineage NONE = new Lineage(List.of(), List.of());

        public Lineage {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public boolean isEmpty() {
            return inputs.isEmpty() || outputs.isEmpty();
        }
    }

    public Entry {
        lots = List.copyOf(lots);
        facilities = Set.copyOf(facilities);
        before = List.copyOf(before);
    }

    /** What a reversal of this entry's event needs to know, for a {@link History} to keep. */
    public Undo undo() {
        return new Undo(event.id(), event.type(), event.facility(), before, lots, delta);
    }
}

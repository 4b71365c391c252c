package org.reetrace.core.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotStatus;

/**
 * Checks the state invariants on any books: conservation of every element to the milligram (1), closed lots
 * that still hold material or open lots with negative content (2), and pedigrees that add up to their lot (5).
 * Invariants about events (2, 3, 4) hold because {@link Ledger} refuses what breaks them; the hash chain (6) is
 * checked against the stored events. Lots are constructed valid, so (5) is re-checked here for books read back
 * from a store.
 */
public final class Invariants {

    /** A broken invariant, numbered as in the design, with the numbers that show it. */
    public record Violation(int invariant, String message) {
    }

    private Invariants() {
    }

    public static List<Violation> check(Collection<Lot> lots, Balance balance) {
        List<Violation> found = new ArrayList<>();
        long[] held = new long[Element.count()];
        for (Lot lot : lots) {
            if (lot.status() == LotStatus.CONSUMED && !lot.mass().isZero()) {
                found.add(new Violation(2, "lot " + lot.id() + " is CONSUMED but still weighs " + lot.mass().mg() + " mg"));
            }
            if (lot.status() == LotStatus.VOID && (!lot.mass().isZero() || !lot.composition().isZero())) {
                found.add(new Violation(2, "lot " + lot.id() + " is VOID (booked in error) but still weighs "
                        + lot.mass().mg() + " mg"));
            }
            if (!lot.pedigree().total().equals(lot.composition())) {
                found.add(new Violation(5, "pedigree of lot " + lot.id() + " adds up to " + lot.pedigree().total()
                        + ", not to its composition " + lot.composition()));
            }
            for (Element e : Element.values()) {
                held[e.ordinal()] += lot.composition().get(e);
            }
        }
        for (Element e : Element.values()) {
            int i = e.ordinal();
            long in = balance.extracted(e) + balance.imported(e);
            long out = held[i] + balance.lost(e) + balance.unexplained(e) + balance.adjusted(e);
            if (in != out) {
                found.add(new Violation(1, e + ": extracted " + balance.extracted(e) + " + imported "
                        + balance.imported(e) + " = " + in + " mg, but lots hold " + held[i] + " + lost "
                        + balance.lost(e) + " + unexplained " + balance.unexplained(e) + " + adjusted "
                        + balance.adjusted(e) + " = " + out + " mg"));
            }
        }
        return found;
    }
}

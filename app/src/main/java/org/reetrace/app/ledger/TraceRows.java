package org.reetrace.app.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.reetrace.core.element.Element;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.pedigree.Origin;

/**
 * What a summarised trace reads of a transformation, kept when it is booked ({@code trace_group}): its inputs, grouped
 * by form, facility, holder and import origin, with how many lots and what it took of them (mass and element masses:
 * the lot before it less the lot after it), and its outputs grouped the same way, as made. A summary of a magnet's
 * trace then reads a few rows a transformation instead of a row for each of the tens of thousands of lots it passed
 * through; the transformations themselves are linked by {@code trace_edge}, from lineage.
 */
public final class TraceRows {

    /** Lots of one side of a transformation alike in form, facility, holder and import origin. */
    public record Group(long seq, boolean output, String form, String facility, String holder, String origin, int lots,
                        long[] masses) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && seq == g.seq && output == g.output && form.equals(g.form)
                    && facility.equals(g.facility) && holder.equals(g.holder)
                    && java.util.Objects.equals(origin, g.origin) && lots == g.lots && Arrays.equals(masses, g.masses);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(seq, output, form, facility, holder, origin, lots) * 31
                    + Arrays.hashCode(masses);
        }

        @Override
        public String toString() {
            return (output ? "out " : "in ") + lots + " " + form + " at " + facility + " of " + holder
                    + (origin == null ? "" : " from " + origin) + " " + Arrays.toString(masses) + " mg";
        }
    }

    /**
     * Links the transformations among {@code seqs} to those that made their inputs: a walk up or down a trace goes
     * from transformation to transformation without reading a lot. One parameter: the array of sequence numbers.
     */
    static final String EDGES = """
            insert into trace_edge (seq, parent)
            select distinct i.seq, o.seq from lineage i join lineage o on o.lot_id = i.lot_id and o.output
            where i.seq = any(?) and not i.output
            on conflict do nothing""";

    private TraceRows() {
    }

    /** The groups of a transformation's entry, inputs then outputs; none for an event that is not one. */
    public static List<Group> of(Entry entry) {
        if (entry.lineage().isEmpty()) {
            return List.of();
        }
        return of(entry.sequence(), entry.lineage().inputs(), entry.lineage().outputs(), entry.before(), entry.lots());
    }

    /**
     * The groups of transformation {@code seq} of {@code inputs} into {@code outputs}, given the lots it changed as
     * they were before it ({@code before}) and after it ({@code after}).
     */
    static List<Group> of(long seq, List<LotId> inputs, List<LotId> outputs, List<Lot> lotsBefore, List<Lot> lotsAfter) {
        Map<LotId, Lot> before = new HashMap<>();
        lotsBefore.forEach(l -> before.put(l.id(), l));
        Map<LotId, Lot> after = new HashMap<>();
        lotsAfter.forEach(l -> after.put(l.id(), l));
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (LotId id : new LinkedHashSet<>(inputs)) {
            Lot was = before.get(id);
            Lot is = after.getOrDefault(id, was);
            long[] took = masses(was);
            long[] left = masses(is);
            for (int i = 0; i < took.length; i++) {
                took[i] -= left[i];
            }
            add(groups, seq, false, was, took);
        }
        for (LotId id : new LinkedHashSet<>(outputs)) {
            Lot made = after.get(id);
            add(groups, seq, true, made, masses(made));
        }
        return new ArrayList<>(groups.values());
    }

    private static void add(Map<List<Object>, Group> groups, long seq, boolean output, Lot lot, long[] masses) {
        String origin = importOrigin(lot);
        List<Object> key = Arrays.asList(output, lot.form().name(), lot.facility().value(), lot.holder().value(), origin);
        Group g = groups.get(key);
        if (g == null) {
            groups.put(key, new Group(seq, output, lot.form().name(), lot.facility().value(), lot.holder().value(),
                    origin, 1, masses));
        } else {
            for (int i = 0; i < masses.length; i++) {
                g.masses()[i] += masses[i];
            }
            groups.put(key, new Group(seq, output, g.form(), g.facility(), g.holder(), origin, g.lots() + 1, g.masses()));
        }
    }

    /** {@code [mass, element 0, ..., element 18]} in mg. */
    static long[] masses(Lot lot) {
        long[] m = new long[Element.count() + 1];
        m[0] = lot.mass().mg();
        System.arraycopy(lot.composition().toArray(), 0, m, 1, Element.count());
        return m;
    }

    /** The countries the lot's material was imported from, in order, comma-separated; null for none. */
    static String importOrigin(Lot lot) {
        return lot.pedigree().parts().keySet().stream().filter(k -> k.origin().kind() == Origin.Kind.IMPORT)
                .map(k -> k.origin().country().alpha2()).distinct().sorted().reduce((x, y) -> x + "," + y)
                .orElse(null);
    }
}

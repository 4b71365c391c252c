package org.reetrace.core.ledger;

import java.util.Arrays;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;

/**
 * The national element account, in mg per element: what entered the books (extracted, imported) and what left
 * them other than as a lot (declared process losses, unexplained differences, stock-take and assay
 * adjustments). With the lots it gives invariant 1: extracted + imported = active + in transit + exported +
 * disposed + lost + unexplained + adjusted. Unexplained and adjusted are signed: a gain within tolerance or a
 * stock-take that finds more is negative.
 */
public final class Balance {

    public static final Balance EMPTY = new Balance(new long[Element.count()], new long[Element.count()],
            new long[Element.count()], new long[Element.count()], new long[Element.count()]);

    private final long[] extracted;
    private final long[] imported;
    private final long[] lost;
    private final long[] unexplained;
    private final long[] adjusted;

    private Balance(long[] extracted, long[] imported, long[] lost, long[] unexplained, long[] adjusted) {
        this.extracted = extracted;
        this.imported = imported;
        this.lost = lost;
        this.unexplained = unexplained;
        this.adjusted = adjusted;
    }

    /** From stored vectors indexed by {@link Element#ordinal()}. */
    public static Balance of(long[] extracted, long[] imported, long[] lost, long[] unexplained, long[] adjusted) {
        for (long[] v : new long[][] {extracted, imported, lost, unexplained, adjusted}) {
            if (v.length != Element.count()) {
                throw new IllegalArgumentException("a balance vector has " + Element.count() + " elements, not " + v.length);
            }
        }
        return new Balance(extracted.clone(), imported.clone(), lost.clone(), unexplained.clone(), adjusted.clone());
    }

    Balance extract(Composition c) {
        return new Balance(add(extracted, c.toArray(), 1), imported, lost, unexplained, adjusted);
    }

    Balance imports(Composition c) {
        return new Balance(extracted, add(imported, c.toArray(), 1), lost, unexplained, adjusted);
    }

    Balance lose(Composition c) {
        return new Balance(extracted, imported, add(lost, c.toArray(), 1), unexplained, adjusted);
    }

    /** Records {@code before - after} as unexplained. */
    Balance unexplained(long[] difference) {
        return new Balance(extracted, imported, lost, add(unexplained, difference, 1), adjusted);
    }

    /** Records {@code before - after} as an adjustment. */
    Balance adjust(Composition before, Composition after) {
        return new Balance(extracted, imported, lost, unexplained,
                add(add(adjusted, before.toArray(), 1), after.toArray(), -1));
    }

    /** What changed from {@code before} to this balance, account by account (signed). */
    Balance since(Balance before) {
        return new Balance(add(extracted, before.extracted, -1), add(imported, before.imported, -1),
                add(lost, before.lost, -1), add(unexplained, before.unexplained, -1), add(adjusted, before.adjusted, -1));
    }

    /** This balance with a change taken back: the inverse of adding {@code delta}. */
    Balance without(Balance delta) {
        return new Balance(add(extracted, delta.extracted, -1), add(imported, delta.imported, -1),
                add(lost, delta.lost, -1), add(unexplained, delta.unexplained, -1), add(adjusted, delta.adjusted, -1));
    }

    private static long[] add(long[] a, long[] b, int sign) {
        long[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.addExact(r[i], sign * b[i]);
        }
        return r;
    }

    public long[] extracted() {
        return extracted.clone();
    }

    public long[] imported() {
        return imported.clone();
    }

    public long[] lost() {
        return lost.clone();
    }

    public long[] unexplained() {
        return unexplained.clone();
    }

    public long[] adjusted() {
        return adjusted.clone();
    }

    public long extracted(Element e) {
        return extracted[e.ordinal()];
    }

    public long imported(Element e) {
        return imported[e.ordinal()];
    }

    public long lost(Element e) {
        return lost[e.ordinal()];
    }

    public long unexplained(Element e) {
        return unexplained[e.ordinal()];
    }

    public long adjusted(Element e) {
        return adjusted[e.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Balance b && Arrays.equals(extracted, b.extracted) && Arrays.equals(imported, b.imported)
                && Arrays.equals(lost, b.lost) && Arrays.equals(unexplained, b.unexplained)
                && Arrays.equals(adjusted, b.adjusted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(extracted) * 31 + Arrays.hashCode(unexplained);
    }

    @Override
    public String toString() {
        return "Balance[extracted=" + Arrays.toString(extracted) + ", imported=" + Arrays.toString(imported)
                + ", lost=" + Arrays.toString(lost) + ", unexplained=" + Arrays.toString(unexplained)
                + ", adjusted=" + Arrays.toString(adjusted) + "]";
    }
}

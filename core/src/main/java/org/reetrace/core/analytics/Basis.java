package org.reetrace.core.analytics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.reetrace.core.element.Element;

/**
 * What a balance counts: all rare earths together (Sc, Y and the lanthanides, not Th or U), one element, or a group
 * of elements the country watches (Nd+Pr, the heavy rare earths). Total rare earths carry the facility's main
 * sequential test ({@code MATERIAL_UNACCOUNTED_FOR}); the {@link #WATCHED watched} elements and groups each carry the
 * same tests at a share of a separate false-alarm budget ({@code ELEMENT_UNACCOUNTED_FOR}), so that a skim of a
 * valuable minor element, too small to move the total, still shows.
 */
public record Basis(String label, Set<Element> elements) {

    public static final Basis RARE_EARTHS = new Basis("REE", EnumSet.copyOf(
            java.util.Arrays.stream(Element.values()).filter(Element::isRareEarth).toList()));

    /** Neodymium and praseodymium: the magnet elements, accounted for together as they are traded (NdPr oxide). */
    public static final Basis ND_PR = new Basis("Nd+Pr", EnumSet.of(Element.Nd, Element.Pr));

    /**
     * The heavy rare earths: Gd to Lu and Y (the usual industrial grouping; Y behaves as a heavy rare earth in
     * separation).
     */
    public static final Basis HEAVY = new Basis("HREE", EnumSet.of(Element.Gd, Element.Tb, Element.Dy, Element.Ho,
            Element.Er, Element.Tm, Element.Yb, Element.Lu, Element.Y));

    /** The elements and groups tested for {@code ELEMENT_UNACCOUNTED_FOR}, in the order alerts name them. */
    public static final List<Basis> WATCHED = List.of(ND_PR, of(Element.Dy), of(Element.Tb), HEAVY, of(Element.Th),
            of(Element.U));

    public Basis {
        Objects.requireNonNull(label, "label");
        if (elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("a basis counts at least one element: " + label);
        }
        elements = Collections.unmodifiableSet(EnumSet.copyOf(elements));
    }

    public static Basis of(Element element) {
        Objects.requireNonNull(element, "element");
        return new Basis(element.symbol(), EnumSet.of(element));
    }

    /** The element, if the basis is one element. */
    public Optional<Element> single() {
        return elements.size() == 1 ? Optional.of(elements.iterator().next()) : Optional.empty();
    }

    /** Whether an element's mass counts in this basis. */
    public boolean counts(Element e) {
        return elements.contains(e);
    }

    /**
     * A basis by its label: REE, a watched group (Nd+Pr, also NdPr or "Nd Pr" as a query string decodes it; HREE) or
     * an element symbol; empty if none is called so.
     */
    public static Optional<Basis> byLabel(String label) {
        if (RARE_EARTHS.label.equalsIgnoreCase(label)) {
            return Optional.of(RARE_EARTHS);
        }
        String plain = label.replaceAll("[+\\s]", "");
        for (Basis b : WATCHED) {
            if (b.label.replace("+", "").equalsIgnoreCase(plain)) {
                return Optional.of(b);
            }
        }
        for (Element e : Element.values()) {
            if (e.symbol().equalsIgnoreCase(label)) {
                return Optional.of(of(e));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.reetrace.core.analytics;

import java.util.Optional;

import org.reetrace.core.element.Element;

/**
 * What a balance counts: one element, or all rare earths together (Sc, Y and the lanthanides, not Th or U). The
 * sum is the basis of the sequential test: one test per facility keeps the false-alarm rate per facility-year what
 * it was designed to be, while the element balances show where a loss lies.
 */
public record Basis(Element element) {

    public static final Basis RARE_EARTHS = new Basis(null);

    public static Basis of(Element element) {
        return new Basis(java.util.Objects.requireNonNull(element, "element"));
    }

    public Optional<Element> single() {
        return Optional.ofNullable(element);
    }

    /** Whether an element's mass counts in this basis. */
    public boolean counts(Element e) {
        return element == null ? e.isRareEarth() : element == e;
    }

    public String label() {
        return element == null ? "REE" : element.symbol();
    }

    @Override
    public String toString() {
        return label();
    }
}

package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.StringJoiner;

/**
 * One chain of holdings from a company up to a state: {@code links.get(0)} is held directly in the company,
 * the last link is the state's holding. {@link #share()} is the product of the link percentages, in percent.
 */
public record OwnershipPath(List<Shareholding> links) {

    public OwnershipPath {
        links = List.copyOf(links);
        if (links.isEmpty()) {
            throw new IllegalArgumentException("an ownership path has at least one holding");
        }
    }

    /** Effective percentage the path's top holder has in the first company. */
    public BigDecimal share() {
        BigDecimal fraction = BigDecimal.ONE;
        for (Shareholding s : links) {
            fraction = fraction.multiply(s.percent().movePointLeft(2), MathContext.DECIMAL64);
        }
        return fraction.movePointRight(2).stripTrailingZeros();
    }

    /** "MY state (MoF Inc) 100 % > holding-a 60 % > op-x = 60 %" read from the top holder down. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" > ");
        for (int i = links.size() - 1; i >= 0; i--) {
            Shareholding s = links.get(i);
            j.add(s.holder() + " " + s.percent().stripTrailingZeros().toPlainString() + " % of " + s.company());
        }
        return j + " = " + share().toPlainString() + " %";
    }
}

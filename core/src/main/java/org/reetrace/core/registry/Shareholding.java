package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code holder} owns {@code percent} % of {@code company}'s shares (0 < percent <= 100). */
public record Shareholding(OperatorId company, Shareholder holder, BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Shareholding {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(holder, "shareholder");
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(holder + " holds " + percent.toPlainString() + " % of " + company
                    + "; a holding is more than 0 and at most 100 %");
        }
        if (holder instanceof Shareholder.Company c && c.id().equals(company)) {
            throw new IllegalArgumentException(company + " cannot hold its own shares in the ownership graph");
        }
    }

    public static Shareholding of(String company, Shareholder holder, String percent) {
        return new Shareholding(OperatorId.of(company), holder, new BigDecimal(percent));
    }
}

package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether an operator is state-linked and why: the effective share a country's state holds in it, summed over
 * every chain of holdings ({@link #paths()}), against the threshold in force. Malaysia's government-linked
 * companies (GLCs) are defined by the government's controlling stake, held directly or through GLICs such as
 * Khazanah or PNB; China offers its separation technology to such companies only (DESIGN section 1).
 *
 * @param share     effective state ownership in percent
 * @param threshold percent at or above which the operator counts as state-linked
 */
public record StateLink(OperatorId operator, CountryCode state, BigDecimal share, BigDecimal threshold,
                        List<OwnershipPath> paths) {

    public StateLink {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(threshold, "threshold");
        paths = List.copyOf(paths);
    }

    public boolean linked() {
        return share.compareTo(threshold) >= 0;
    }

    /** A sentence for findings and the registry page, with the numbers. */
    public String explanation() {
        String verdict = operator + (linked() ? " is" : " is not") + " state-linked to " + state + ": effective state ownership "
                + share.stripTrailingZeros().toPlainString() + " % against a threshold of "
                + threshold.stripTrailingZeros().toPlainString() + " %";
        if (paths.isEmpty()) {
            return verdict + "; no chain of holdings reaches the " + state + " state";
        }
        return verdict + " through " + paths.size() + (paths.size() == 1 ? " path: " : " paths: ")
                + paths.stream().map(OwnershipPath::toString).collect(Collectors.joining("; "));
    }
}

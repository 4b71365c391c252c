package org.reetrace.app.ledger;

import org.reetrace.core.ledger.Tolerance;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reetrace.ledger.*}: the measurement tolerance for transformations and receipts.
 *
 * @param tolerancePpm     relative allowance, parts per million of the element's input (5000 = 0.5 %)
 * @param toleranceFloorMg absolute allowance per element in mg
 */
@ConfigurationProperties("reetrace.ledger")
public record LedgerSettings(@DefaultValue("5000") long tolerancePpm, @DefaultValue("1000") long toleranceFloorMg) {

    public Tolerance tolerance() {
        return new Tolerance(tolerancePpm, toleranceFloorMg);
    }
}

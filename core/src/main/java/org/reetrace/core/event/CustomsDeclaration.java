package org.reetrace.core.event;

import java.util.Objects;

import org.reetrace.core.registry.CountryCode;

/**
 * What crosses the border with a lot: the customs declaration number, the HS code declared, the permit it
 * relies on (null when none is claimed), the foreign counterparty and its country.
 */
public record CustomsDeclaration(String number, String hsCode, String permit, String counterparty,
                                 CountryCode country) {

    public CustomsDeclaration {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("customs declaration needs a number");
        }
        if (hsCode == null || !hsCode.matches("\\d{4}(\\.?\\d{2}){0,3}")) {
            throw new IllegalArgumentException("HS code must be 4 to 10 digits such as 2846.90: " + hsCode);
        }
        if (counterparty == null || counterparty.isBlank()) {
            throw new IllegalArgumentException("customs declaration needs a counterparty");
        }
        Objects.requireNonNull(country, "counterparty country");
    }
}

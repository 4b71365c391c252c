package org.reetrace.core.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MassTest {

    @Test
    void aKilogramIsAMillionMilligrams() {
        assertThat(Mass.ofKilograms(1).mg()).isEqualTo(1_000_000L);
        assertThat(Mass.ofKilograms(new BigDecimal("2.5")).mg()).isEqualTo(2_500_000L);
    }

    @Test
    void aTonneIsABillionMilligrams() {
        assertThat(Mass.ofTonnes(3).mg()).isEqualTo(3_000_000_000L);
    }

    @Test
    void fractionalMilligramsOfKilogramsRoundHalfEven() {
        assertThat(Mass.ofKilograms(new BigDecimal("0.0000005")).mg()).isZero();
        assertThat(Mass.ofKilograms(new BigDecimal("0.0000015")).mg()).isEqualTo(2);
        assertThat(Mass.ofKilograms(new BigDecimal("0.0000025")).mg()).isEqualTo(2);
    }

    @Test
    void kilogramsAreExactToTheMilligramWithoutTrailingZeros() {
        assertThat(Mass.ofMilligrams(1_234_567).kilograms()).isEqualByComparingTo("1.234567");
        assertThat(Mass.ofMilligrams(2_000_000).kilograms().toPlainString()).isEqualTo("2");
        assertThat(Mass.ofMilligrams(1).toString()).isEqualTo("0.000001 kg");
    }

    @Test
    void aNegativeMassIsRefused() {
        assertThatThrownBy(() -> Mass.ofMilligrams(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 mg");
        assertThatThrownBy(() -> Mass.ofKilograms(new BigDecimal("-0.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subtractingMoreThanThereIsIsRefused() {
        assertThatThrownBy(() -> Mass.ofMilligrams(5).minus(Mass.ofMilligrams(6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Mass.ofMilligrams(5).minus(Mass.ofMilligrams(5))).isEqualTo(Mass.ZERO);
    }

    @Test
    void tonnesThatDoNotFitInALongOfMilligramsOverflowLoudly() {
        assertThatThrownBy(() -> Mass.ofTonnes(Long.MAX_VALUE / 1_000_000_000L + 1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void massesCompareByWeight() {
        assertThat(Mass.ofKilograms(1)).isGreaterThan(Mass.ofMilligrams(999_999));
    }
}

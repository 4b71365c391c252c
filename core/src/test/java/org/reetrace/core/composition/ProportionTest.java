package org.reetrace.core.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProportionTest {

    @Test
    void theLargestRemaindersReceiveTheMilligramsRoundingLeftOver() {
        // 10 over 1:1:1 -> quotas 3.33 each; one left over goes to the first (ties go to the earlier weight)
        assertThat(Proportion.divide(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        // 100 over 7:2:1 (sum 10) -> exact 70, 20, 10
        assertThat(Proportion.divide(100, new long[] {7, 2, 1})).containsExactly(70, 20, 10);
        // 7 over 5:3:2 -> quotas 3.5, 2.1, 1.4; floors 3, 2, 1 leave 1 for the largest remainder (0.5)
        assertThat(Proportion.divide(7, new long[] {5, 3, 2})).containsExactly(4, 2, 1);
    }

    @Test
    void aZeroWeightGetsNothing() {
        assertThat(Proportion.divide(5, new long[] {0, 1, 0, 1})).containsExactly(0, 3, 0, 2);
    }

    @Test
    void valuesWhoseProductsOverflowALongAreDividedExactly() {
        long big = Long.MAX_VALUE / 2; // 2 * big + 1 = Long.MAX_VALUE
        assertThat(Proportion.divide(Long.MAX_VALUE, new long[] {big, big, 1})).containsExactly(big, big, 1);
        long[] thirds = Proportion.divide(Long.MAX_VALUE, new long[] {Long.MAX_VALUE / 3, Long.MAX_VALUE / 3,
                Long.MAX_VALUE / 3});
        assertThat(Math.addExact(Math.addExact(thirds[0], thirds[1]), thirds[2])).isEqualTo(Long.MAX_VALUE);
        // Long.MAX_VALUE = 3 * 3074457345618258602 + 1: the one left over goes to the first
        assertThat(thirds).containsExactly(3074457345618258603L, 3074457345618258602L, 3074457345618258602L);
    }

    @Test
    void nothingToDivideGivesZeros() {
        assertThat(Proportion.divide(0, new long[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void aTotalOverWeightsThatAreAllZeroIsRefused() {
        assertThatThrownBy(() -> Proportion.divide(1, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeTotalsAndWeightsAreRefused() {
        assertThatThrownBy(() -> Proportion.divide(-1, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.divide(1, new long[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleRoundsHalfEvenWithoutOverflow() {
        assertThat(Proportion.scale(5, 1, 2)).isEqualTo(2);
        assertThat(Proportion.scale(7, 1, 2)).isEqualTo(4);
        assertThat(Proportion.scale(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Proportion.scale(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.reetrace.core.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reetrace.core.element.Element;

class CompositionTest {

    private static final Mass ONE_KG = Mass.ofKilograms(1);

    @Test
    void oxidePercentagesBecomeElementMassesThroughTheOxideFactor() {
        // 10 % Nd2O3 of 1 kg = 100,000 mg oxide; / 1.166376298769501 = 85,735.62 mg Nd -> 85,736
        // 20 % CeO2 of 1 kg = 200,000 mg oxide; / 1.2283677607355614 = 162,817.69 mg Ce -> 162,818
        Composition c = Composition.fromOxidePercent(ONE_KG, Map.of(Element.Nd, new BigDecimal("10"),
                Element.Ce, new BigDecimal("20")));
        assertThat(c.get(Element.Nd)).isEqualTo(85_736);
        assertThat(c.get(Element.Ce)).isEqualTo(162_818);
        assertThat(c.totalMg()).isEqualTo(85_736 + 162_818);
        assertThat(c.get(Element.La)).isZero();
    }

    @Test
    void elementMassesReportAsOxidePercentagesToFourDecimals() {
        Composition c = Composition.of(Map.of(Element.Nd, 85_736L, Element.Ce, 162_818L));
        Map<Element, BigDecimal> pct = c.toOxidePercent(ONE_KG);
        assertThat(pct).containsOnlyKeys(Element.Nd, Element.Ce);
        assertThat(pct.get(Element.Nd)).isEqualByComparingTo("10.0000");
        assertThat(pct.get(Element.Ce)).isEqualByComparingTo("20.0000");
        assertThat(pct.get(Element.Nd).scale()).isEqualTo(4);
    }

    @Test
    void anOxidePercentageOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Composition.fromOxidePercent(ONE_KG, Map.of(Element.Nd, new BigDecimal("100.01"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nd");
        assertThatThrownBy(() -> Composition.fromOxidePercent(ONE_KG, Map.of(Element.Nd, new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treoCountsRareEarthOxidesButNotThoriumOrUranium() {
        Composition c = Composition.of(Map.of(Element.Nd, 85_736L, Element.Th, 1_000_000L, Element.U, 5L));
        // 85,736 * 1.166376298769501 = 100,000.04 mg Nd2O3
        assertThat(c.treoMg()).isEqualTo(100_000);
    }

    @Test
    void aShareGivesEachElementItsProportionalPart() {
        Composition c = Composition.of(Map.of(Element.La, 300L, Element.Nd, 600L, Element.Dy, 90L));
        Composition third = c.share(1, 3);
        assertThat(third).isEqualTo(Composition.of(Map.of(Element.La, 100L, Element.Nd, 200L, Element.Dy, 30L)));
        assertThat(c.share(3, 3)).isSameAs(c);
        assertThat(c.share(0, 3)).isEqualTo(Composition.ZERO);
    }

    @Test
    void aShareRoundsTheTotalOnceSoThatNeitherPartHoldsMoreElementsThanItWeighs() {
        // a 3 mg lot that is all element: 1 mg each of La, Ce, Nd; take 1 mg of it.
        // Rounding each element on its own gives 0 + 0 + 0, leaving 3 mg of elements in the 2 mg that remain.
        Composition c = Composition.of(Map.of(Element.La, 1L, Element.Ce, 1L, Element.Nd, 1L));
        Composition taken = c.share(1, 3);
        assertThat(taken.totalMg()).isEqualTo(1);
        assertThat(c.minus(taken).totalMg()).isEqualTo(2);
        // and the other way: take 2 mg, rounding each up would put 3 mg of elements into 2 mg
        assertThat(c.share(2, 3).totalMg()).isEqualTo(2);
    }

    @Test
    void aShareGivesTheLeftOverMilligramToTheLargestRemainder() {
        // exact shares of 1/4: La 1.25, Ce 0.75, Nd 0.5 = 2.5 -> total 2 (half-even); floors 1, 0, 0; Ce has the
        // largest remainder
        Composition c = Composition.of(Map.of(Element.La, 5L, Element.Ce, 3L, Element.Nd, 2L));
        assertThat(c.share(1, 4)).isEqualTo(Composition.of(Map.of(Element.La, 1L, Element.Ce, 1L)));
    }

    @Test
    void aShareLargerThanTheWholeIsRefused() {
        assertThatThrownBy(() -> Composition.of(Element.La, 5).share(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Composition.of(Element.La, 5).share(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takingMoreOfAnElementThanThereIsIsRefused() {
        Composition c = Composition.of(Map.of(Element.La, 10L, Element.Nd, 5L));
        assertThatThrownBy(() -> c.minus(Composition.of(Element.Nd, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 mg Nd from 5 mg");
        assertThat(c.minus(Composition.of(Element.Nd, 5))).isEqualTo(Composition.of(Element.La, 10));
    }

    @Test
    void aCompositionCoversAnotherWhenNoElementFallsShort() {
        Composition c = Composition.of(Map.of(Element.La, 10L, Element.Nd, 5L));
        assertThat(c.covers(Composition.of(Element.Nd, 5))).isTrue();
        assertThat(c.covers(Composition.of(Map.of(Element.La, 1L, Element.Nd, 6L)))).isFalse();
        assertThat(c.covers(Composition.of(Element.Dy, 1))).isFalse();
        assertThat(c.covers(Composition.ZERO)).isTrue();
    }

    @Test
    void aNegativeElementMassIsRefused() {
        assertThatThrownBy(() -> Composition.of(Element.Dy, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dy");
        assertThatThrownBy(() -> Composition.ofArray(new long[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compositionsAreValuesAndShowOnlyTheElementsPresent() {
        Composition a = Composition.of(Map.of(Element.La, 10L, Element.Nd, 5L));
        Composition b = Composition.ZERO.with(Element.Nd, 5).with(Element.La, 10);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("{La=10 mg, Nd=5 mg}");
        assertThat(a.toMap()).containsOnlyKeys(Element.La, Element.Nd);
        long[] copy = a.toArray();
        copy[Element.La.ordinal()] = 99;
        assertThat(a.get(Element.La)).isEqualTo(10);
    }
}

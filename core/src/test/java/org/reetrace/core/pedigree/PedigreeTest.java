package org.reetrace.core.pedigree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.CountryCode;

class PedigreeTest {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final CountryCode AU = CountryCode.of("AU");
    private static final CountryCode CN = CountryCode.of("CN");

    private static final PedigreeKey PERAK = new PedigreeKey(Origin.mine("fac-perak", MY),
            List.of(new Stage(StageKind.MINING, MY, MY)));
    private static final PedigreeKey WELD = new PedigreeKey(Origin.mine("fac-weld", AU),
            List.of(new Stage(StageKind.MINING, AU, AU)));
    private static final Stage SEPARATION_MY_CN = new Stage(StageKind.SEPARATION, MY, CN);

    private static Composition nd(long nd, long dy) {
        return Composition.of(Map.of(Element.Nd, nd, Element.Dy, dy));
    }

    /** The two mines' lots blended: Perak Nd 600 Dy 100, Mount Weld Nd 400 Dy 300. */
    private static Pedigree blend() {
        return Pedigree.of(PERAK, nd(600, 100)).plus(Pedigree.of(WELD, nd(400, 300)));
    }

    @Test
    void aBlendOfTwoMinesThenSeparationGivesEachOutputTheMinesShareElementByElement() {
        Pedigree pool = blend();
        assertThat(pool.total()).isEqualTo(nd(1000, 400));

        // an NdPr-rich output with 500 mg Nd and 100 mg Dy: Nd 60:40, Dy 25:75 like the pool
        Pedigree ndOutput = pool.allocate(nd(500, 100)).then(SEPARATION_MY_CN);
        assertThat(ndOutput.parts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PERAK.then(SEPARATION_MY_CN), nd(300, 25),
                WELD.then(SEPARATION_MY_CN), nd(200, 75)));

        // a Dy-rich output with 200 mg Dy
        Pedigree dyOutput = pool.allocate(Composition.of(Element.Dy, 200)).then(SEPARATION_MY_CN);
        assertThat(dyOutput.parts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PERAK.then(SEPARATION_MY_CN), Composition.of(Element.Dy, 50),
                WELD.then(SEPARATION_MY_CN), Composition.of(Element.Dy, 150)));
    }

    @Test
    void byOriginCountryGroupsElementMassesByWhereTheyWereMined() {
        Pedigree p = blend().allocate(nd(500, 100)).then(SEPARATION_MY_CN);
        assertThat(p.byOriginCountry()).containsExactlyInAnyOrderEntriesOf(Map.of(MY, nd(300, 25), AU, nd(200, 75)));
    }

    @Test
    void byStageCountryGroupsByWhereAStageHappenedAndLeavesOutWhatNeverPassedIt() {
        Pedigree separated = blend().allocate(nd(500, 100)).then(SEPARATION_MY_CN);
        assertThat(separated.byStageCountry(StageKind.SEPARATION)).containsExactlyEntriesOf(Map.of(MY, nd(500, 100)));
        assertThat(separated.byStageCountry(StageKind.MINING))
                .containsExactlyInAnyOrderEntriesOf(Map.of(MY, nd(300, 25), AU, nd(200, 75)));
        assertThat(separated.byStageCountry(StageKind.METAL_MAKING)).isEmpty();
    }

    @Test
    void aPortionTakesEachElementFromThePathsInProportionToWhatEachHolds() {
        Pedigree taken = blend().portion(nd(250, 40));
        assertThat(taken.parts()).containsExactlyInAnyOrderEntriesOf(Map.of(PERAK, nd(150, 10), WELD, nd(100, 30)));
        assertThat(blend().minus(taken).parts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(PERAK, nd(450, 90), WELD, nd(300, 270)));
    }

    @Test
    void aMilligramThatCannotBeSplitGoesToThePathWithTheLargerRemainder() {
        // 1 mg Nd over 600:400 -> 0.6 and 0.4
        assertThat(blend().allocate(Composition.of(Element.Nd, 1)).parts())
                .containsExactlyEntriesOf(Map.of(PERAK, Composition.of(Element.Nd, 1)));
    }

    @Test
    void aPortionLargerThanThePedigreeIsRefused() {
        assertThatThrownBy(() -> blend().portion(nd(1001, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subtractingAPathThePedigreeDoesNotHaveIsRefused() {
        Pedigree other = Pedigree.of(new PedigreeKey(Origin.imported("cn-supplier", CN), List.of()), nd(1, 0));
        assertThatThrownBy(() -> blend().minus(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anElementThePoolLacksIsAllocatedInProportionToEachPathsTotalMass() {
        // totals 700 : 700 -> 1:1
        Pedigree p = blend().allocate(Composition.of(Element.La, 10));
        assertThat(p.parts()).containsExactlyInAnyOrderEntriesOf(Map.of(PERAK, Composition.of(Element.La, 5),
                WELD, Composition.of(Element.La, 5)));
    }

    @Test
    void anEmptyPedigreeCannotSupplyElements() {
        assertThatThrownBy(() -> Pedigree.EMPTY.allocate(Composition.of(Element.La, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Pedigree.EMPTY.allocate(Composition.ZERO)).isEqualTo(Pedigree.EMPTY);
    }

    @Test
    void thenMergesPathsThatBecomeIdentical() {
        PedigreeKey separated = PERAK.then(SEPARATION_MY_CN);
        Pedigree p = Pedigree.of(PERAK, nd(10, 0)).plus(Pedigree.of(separated, nd(5, 1)));
        assertThat(p.parts()).hasSize(2);
        Pedigree after = p.then(SEPARATION_MY_CN);
        assertThat(after.parts()).containsExactlyEntriesOf(Map.of(separated, nd(15, 1)));
    }

    @Test
    void aStageAlreadyPassedIsNotRepeatedButADifferentOneIsAppended() {
        assertThat(PERAK.then(new Stage(StageKind.MINING, MY, MY))).isSameAs(PERAK);
        assertThat(PERAK.then(SEPARATION_MY_CN).stages()).containsExactly(new Stage(StageKind.MINING, MY, MY),
                SEPARATION_MY_CN);
        assertThat(PERAK.then(SEPARATION_MY_CN).passed(StageKind.SEPARATION)).isTrue();
        assertThat(PERAK.passed(StageKind.SEPARATION)).isFalse();
    }

    @Test
    void zeroCompositionsLeaveNoPath() {
        assertThat(Pedigree.of(PERAK, Composition.ZERO).isEmpty()).isTrue();
        assertThat(Pedigree.of(Map.of(PERAK, Composition.ZERO, WELD, nd(1, 0))).parts()).containsOnlyKeys(WELD);
    }
}

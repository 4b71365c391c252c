package org.reetrace.core.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class ElementTest {

    /** One row of the copied reference table: element, oxide, element-to-oxide factor, conventional form. */
    private record FactorRow(String element, String oxide, double factor, boolean conventional) {
    }

    private static List<FactorRow> referenceFactors() throws IOException {
        List<FactorRow> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ElementTest.class.getResourceAsStream("/oxide_conversion_factors.csv")), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new FactorRow(f[0], f[1], Double.parseDouble(f[5]), f[7].equals("yes")));
            }
        }
        return rows;
    }

    @Test
    void theOxideFactorOfEveryConventionalFormMatchesTheReferenceTableToFourDecimals() throws IOException {
        List<FactorRow> conventional = referenceFactors().stream().filter(FactorRow::conventional).toList();
        assertThat(conventional).hasSize(18); // every element but Pm, which the table leaves out
        for (FactorRow row : conventional) {
            Element e = Element.bySymbol(row.element()).orElseThrow();
            assertThat(e.oxideFormula()).as("oxide of %s", e).isEqualTo(row.oxide());
            assertThat(e.oxideFactor()).as("factor of %s", row.oxide()).isCloseTo(row.factor(), within(0.00005));
        }
    }

    @Test
    void neodymiumOxideWeighsOnePointOneSixSixFourTimesItsNeodymium() {
        assertThat(Element.Nd.oxideFactor()).isCloseTo(1.1664, within(0.00005));
    }

    @Test
    void theReportingOxidesAreCeriaPraseodymiaTerbiaThoriaAndTriuraniumOctoxideOrSesquioxides() {
        assertThat(Element.Ce.oxideFormula()).isEqualTo("CeO2");
        assertThat(Element.Pr.oxideFormula()).isEqualTo("Pr6O11");
        assertThat(Element.Tb.oxideFormula()).isEqualTo("Tb4O7");
        assertThat(Element.Th.oxideFormula()).isEqualTo("ThO2");
        assertThat(Element.U.oxideFormula()).isEqualTo("U3O8");
        assertThat(Element.Dy.oxideFormula()).isEqualTo("Dy2O3");
    }

    @Test
    void theLedgerBooksSeventeenRareEarthsPlusThoriumAndUranium() {
        assertThat(Element.count()).isEqualTo(19);
        assertThat(java.util.Arrays.stream(Element.values()).filter(Element::isRareEarth)).hasSize(17);
        assertThat(Element.Th.isRareEarth()).isFalse();
        assertThat(Element.U.isRareEarth()).isFalse();
    }

    @Test
    void heavyRareEarthsAreYttriumAndEuropiumToLutetium() {
        assertThat(java.util.Arrays.stream(Element.values()).filter(Element::isHeavy).map(Element::symbol))
                .containsExactly("Y", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu");
    }

    @Test
    void symbolLookUpIsCaseSensitiveAndEmptyForUnknownSymbols() {
        assertThat(Element.bySymbol("Dy")).contains(Element.Dy);
        assertThat(Element.bySymbol("DY")).isEmpty();
        assertThat(Element.bySymbol("Fe")).isEmpty();
    }

    @Test
    void byIndexFollowsTheOrdinal() {
        for (Element e : Element.values()) {
            assertThat(Element.byIndex(e.ordinal())).isSameAs(e);
        }
    }
}

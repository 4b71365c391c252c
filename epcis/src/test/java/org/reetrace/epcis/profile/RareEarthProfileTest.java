package org.reetrace.epcis.profile;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EventBuilder;
import org.reetrace.epcis.document.SensorReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifiers and units the profile writes: each element's CAS registry number (CAS Common Chemistry; every
 * one also passes the CAS check digit), and radioactivity in UN/CEFACT A18, becquerel per kilogram, while the
 * ledger keeps becquerel per gram.
 */
class RareEarthProfileTest {
    private static final Map<Element, String> CAS_REGISTRY_NUMBERS = new EnumMap<>(Map.ofEntries(
            Map.entry(Element.Sc, "7440-20-2"), Map.entry(Element.Y, "7440-65-5"), Map.entry(Element.La, "7439-91-0"),
            Map.entry(Element.Ce, "7440-45-1"), Map.entry(Element.Pr, "7440-10-0"), Map.entry(Element.Nd, "7440-00-8"),
            Map.entry(Element.Pm, "7440-12-2"), Map.entry(Element.Sm, "7440-19-9"), Map.entry(Element.Eu, "7440-53-1"),
            Map.entry(Element.Gd, "7440-54-2"), Map.entry(Element.Tb, "7440-27-9"), Map.entry(Element.Dy, "7429-91-6"),
            Map.entry(Element.Ho, "7440-60-0"), Map.entry(Element.Er, "7440-52-0"), Map.entry(Element.Tm, "7440-30-4"),
            Map.entry(Element.Yb, "7440-64-4"), Map.entry(Element.Lu, "7439-94-3"), Map.entry(Element.Th, "7440-29-1"),
            Map.entry(Element.U, "7440-61-1")));

    @Test
    void every_element_the_ledger_books_is_named_by_its_cas_registry_number() {
        assertThat(CAS_REGISTRY_NUMBERS.keySet()).containsExactlyInAnyOrder(Element.values());
        CAS_REGISTRY_NUMBERS.forEach((element, cas) -> {
            assertThat(RareEarthProfile.substance(element)).isEqualTo("https://identifiers.org/cas:" + cas);
            assertThat(RareEarthProfile.elementOfSubstance(RareEarthProfile.substance(element))).contains(element);
        });
    }

    @Test
    void every_cas_registry_number_of_the_profile_has_a_valid_check_digit() {
        for (Element element : Element.values()) {
            String cas = RareEarthProfile.substance(element).substring("https://identifiers.org/cas:".length());
            String digits = cas.replace("-", "");
            int sum = 0;
            for (int i = digits.length() - 2, weight = 1; i >= 0; i--, weight++) {
                sum += weight * (digits.charAt(i) - '0');
            }
            assertThat(sum % 10).as(element + " " + cas).isEqualTo(digits.charAt(digits.length() - 1) - '0');
        }
    }

    @Test
    void a_substance_that_is_not_one_of_the_elements_names_no_element() {
        assertThat(RareEarthProfile.elementOfSubstance("https://identifiers.org/cas:7440-50-8")).isEmpty(); // copper
        assertThat(RareEarthProfile.elementOfSubstance("https://identifiers.org/inchikey:CZMRCDWAGMRECN")).isEmpty();
        assertThat(RareEarthProfile.elementOfSubstance(null)).isEmpty();
    }

    @Test
    void an_activity_in_becquerel_per_gram_is_written_as_a18_becquerel_per_kilogram_and_read_back() {
        Assay assay = new Assay(EventId.of("urn:uuid:00000000-0000-4000-8000-00000000a18a"),
                ProfileExamples.at("2026-03-02T14:00:00"), FacilityId.of("MY-MINE-1"), LotId.of("ORE-A18"),
                Composition.of(Element.Nd, 1_000L), new BigDecimal("0.85"));

        EpcisEvent written = ProfileWriter.write(assay, ProfileExamples.MYT);
        SensorReport radioactivity = written.sensorElementList().getFirst().reports().stream()
                .filter(r -> RareEarthProfile.MEASUREMENT_RADIOACTIVITY.equals(r.type())).findFirst().orElseThrow();

        assertThat(radioactivity.uom()).isEqualTo("A18");
        assertThat(radioactivity.value()).isEqualByComparingTo("850");
        assertThat(ProfileReader.read(written, "unused")).isEqualTo(new ProfileReading.Profiled(assay));
    }

    @Test
    void a_reported_activity_in_becquerel_per_kilogram_reaches_the_ledger_in_becquerel_per_gram() {
        EpcisEvent written = ProfileWriter.write(new Assay(EventId.of("urn:uuid:00000000-0000-4000-8000-00000000a18b"),
                ProfileExamples.at("2026-03-02T14:00:00"), FacilityId.of("MY-MINE-1"), LotId.of("ORE-A18"),
                Composition.of(Element.Th, 5L), new BigDecimal("1")), ProfileExamples.MYT);
        EpcisEvent reported = withRadioactivity(written, new BigDecimal("12500"), "A18");

        var reading = ProfileReader.read(reported, "unused");

        assertThat(reading).isInstanceOf(ProfileReading.Profiled.class);
        assertThat(((Assay) ((ProfileReading.Profiled) reading).event()).activity()).isEqualByComparingTo("12.5");
    }

    @Test
    void an_activity_in_another_unit_than_a18_is_refused() {
        EpcisEvent written = ProfileWriter.write(new Assay(EventId.of("urn:uuid:00000000-0000-4000-8000-00000000a18c"),
                ProfileExamples.at("2026-03-02T14:00:00"), FacilityId.of("MY-MINE-1"), LotId.of("ORE-A18"),
                Composition.of(Element.Th, 5L), new BigDecimal("1")), ProfileExamples.MYT);

        var reading = ProfileReader.read(withRadioactivity(written, new BigDecimal("12.5"), "BQL"), "unused");

        assertThat(reading).isInstanceOfSatisfying(ProfileReading.Invalid.class,
                invalid -> assertThat(invalid.message()).contains("A18"));
    }

    /** The event with its radioactivity report's value and unit replaced. */
    private static EpcisEvent withRadioactivity(EpcisEvent e, BigDecimal value, String uom) {
        var element = e.sensorElementList().getFirst();
        List<SensorReport> reports = element.reports().stream().map(r -> !RareEarthProfile.MEASUREMENT_RADIOACTIVITY
                .equals(r.type()) ? r : new SensorReport(r.type(), null, null, null, null, null, null, null, null, value,
                null, null, null, null, null, null, null, null, null, null, null, uom, null, List.of())).toList();
        EventBuilder b = EventBuilder.of(e);
        b.sensorElementList.clear();
        b.sensorElementList.add(new org.reetrace.epcis.document.SensorElement(element.metadata(), reports,
                element.extensions()));
        return b.build(e.eventType());
    }
}

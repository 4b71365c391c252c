package org.reetrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;

class VersionedRegistryTest {

    private static final ZoneId MYT = ZoneId.of("Asia/Kuala_Lumpur");
    private static final CountryCode MY = CountryCode.of("MY");
    private static final CountryCode CN = CountryCode.of("CN");
    private static final OperatorId OP = OperatorId.of("op-sep");
    private static final FacilityId PLANT = FacilityId.of("fac-sep");

    private static Instant day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(MYT).toInstant();
    }

    private static RegisteredFacility plant(CountryCode technology) {
        return RegisteredFacility.of(PLANT, OP, "Separation plant", FacilityKind.SEPARATION_PLANT, MY,
                new GeoPoint(3.97, 103.38), List.of(new ProcessTechnology(ProcessKind.SEPARATION, "licensor", technology,
                        Mass.ofTonnes(1000))));
    }

    private static VersionedRegistry registry() {
        VersionedRegistry r = new VersionedRegistry();
        r.record(new RegistryChange.PutOperator(new Operator(OP, "Sep Co", MY)), day(2020, 1, 1), "alice", day(2020, 1, 1));
        r.record(new RegistryChange.PutFacility(plant(MY)), day(2020, 1, 1), "alice", day(2020, 1, 1));
        r.record(new RegistryChange.PutFacility(plant(CN)), day(2025, 7, 1), "bob", day(2025, 6, 20));
        return r;
    }

    @Test
    void an_event_sees_the_registry_as_it_stood_at_its_time() {
        VersionedRegistry r = registry();
        assertThat(r.asOf(day(2025, 6, 30)).technologyOrigin(PLANT, ProcessKind.SEPARATION)).hasValue(MY);
        assertThat(r.asOf(day(2025, 7, 1)).technologyOrigin(PLANT, ProcessKind.SEPARATION)).hasValue(CN);
        assertThat(r.asOf(day(2019, 12, 31)).facility(PLANT)).isEmpty();
        assertThat(((Registry) r).asOf(day(2025, 6, 30)).facility(PLANT).orElseThrow().technologyOrigin(ProcessKind.SEPARATION))
                .isEqualTo(MY);
    }

    @Test
    void every_change_records_who_made_it_and_when_it_takes_effect() {
        List<RegistryVersion> h = registry().history();
        assertThat(h).extracting(RegistryVersion::author).containsExactly("alice", "alice", "bob");
        assertThat(h.get(2).effective()).isEqualTo(day(2025, 7, 1));
        assertThat(h.get(2).sequence()).isEqualTo(3);
        assertThatThrownBy(() -> registry().record(new RegistryChange.PutOperator(new Operator(OP, "x", MY)),
                day(2026, 1, 1), " ", day(2026, 1, 1))).hasMessageContaining("who made it");
    }

    @Test
    void a_late_registration_changes_the_past_view_but_not_what_came_before_it() {
        VersionedRegistry r = registry();
        r.record(new RegistryChange.SetStateLinkThreshold(BigDecimal.valueOf(30)), day(2024, 1, 1), "carol", day(2026, 1, 1));
        assertThat(r.asOf(day(2023, 12, 31)).stateLinkThreshold()).isEqualByComparingTo("50");
        assertThat(r.asOf(day(2024, 6, 1)).stateLinkThreshold()).isEqualByComparingTo("30");
        assertThat(VersionedRegistry.restore(r.history()).asOf(day(2024, 6, 1)).stateLinkThreshold()).isEqualByComparingTo("30");
    }

    private static Licence permit(String from, String until) {
        return Licence.permit(LicenceId.of("EP-1"), LicenceKind.EXPORT_PERMIT, OP, null, MY,
                Validity.ofDates(LocalDate.parse(from), until == null ? null : LocalDate.parse(until), MYT));
    }

    @Test
    void overlapping_terms_of_the_same_licence_are_refused_and_nothing_changes() {
        VersionedRegistry r = registry();
        r.record(new RegistryChange.PutLicence(permit("2024-01-01", "2026-01-01")), day(2024, 1, 1), "dan", day(2024, 1, 1));
        int before = r.history().size();
        assertThatThrownBy(() -> r.record(new RegistryChange.PutLicence(permit("2025-06-01", "2027-01-01")),
                day(2025, 6, 1), "dan", day(2025, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EP-1").hasMessageContaining("overlaps");
        assertThat(r.history()).hasSize(before);
        // a renewal from the day the old term ends is no overlap
        r.record(new RegistryChange.PutLicence(permit("2026-01-01", "2028-01-01")), day(2026, 1, 1), "dan", day(2025, 12, 1));
        assertThat(r.latest().licence(LicenceId.of("EP-1"), day(2026, 6, 1))).isPresent();
        assertThat(r.latest().licence(LicenceId.of("EP-1"), day(2028, 6, 1))).isEmpty();
    }

    @Test
    void a_back_dated_change_that_breaks_a_later_state_is_refused() {
        VersionedRegistry r = registry();
        r.record(new RegistryChange.PutLicence(permit("2026-01-01", null)), day(2026, 1, 1), "dan", day(2026, 1, 1));
        // inserted before, effective earlier, overlapping the open-ended term registered above
        assertThatThrownBy(() -> r.record(new RegistryChange.PutLicence(permit("2025-01-01", "2026-06-01")),
                day(2025, 1, 1), "eve", day(2026, 2, 1))).hasMessageContaining("overlaps");
    }

    @Test
    void references_to_unknown_operators_and_facilities_are_refused() {
        VersionedRegistry r = registry();
        assertThatThrownBy(() -> r.record(new RegistryChange.SetShareholders(OP, List.of(
                Shareholding.of("op-sep", new Shareholder.Company(OperatorId.of("ghost")), "10"))),
                day(2026, 1, 1), "x", day(2026, 1, 1))).hasMessageContaining("ghost is not in the registry");
        assertThatThrownBy(() -> r.record(new RegistryChange.PutLicence(Licence.permit(LicenceId.of("P-1"),
                LicenceKind.PROCESSING, OP, FacilityId.of("fac-ghost"), MY, Validity.ALWAYS)),
                day(2026, 1, 1), "x", day(2026, 1, 1))).hasMessageContaining("fac-ghost");
    }

    @Test
    void an_ownership_cycle_entered_change_by_change_is_refused() {
        VersionedRegistry r = registry();
        OperatorId b = OperatorId.of("op-b");
        r.record(new RegistryChange.PutOperator(new Operator(b, "B", MY)), day(2020, 1, 1), "x", day(2020, 1, 1));
        r.record(new RegistryChange.SetShareholders(OP, List.of(new Shareholding(OP, new Shareholder.Company(b),
                BigDecimal.TEN))), day(2021, 1, 1), "x", day(2021, 1, 1));
        assertThatThrownBy(() -> r.record(new RegistryChange.SetShareholders(b, List.of(new Shareholding(b,
                new Shareholder.Company(OP), BigDecimal.TEN))), day(2022, 1, 1), "x", day(2022, 1, 1)))
                .hasMessageContaining("ownership cycle");
    }
}

package org.reetrace.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.trade.PartnerStatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Partner statistics hold only what left the country: an export the ledger refused drops out, smuggling stays. */
class PartnerStatisticsTest {

    @Test
    void every_declared_arrival_names_its_export_and_refused_exports_drop_out_of_the_statistics() {
        Scenario s = Scenario.malaysia().withMonths(14);
        List<LedgerEvent> events = new ArrayList<>();
        SimulationResult r = Simulation.run(s, 3, events::add);
        Set<String> exports = events.stream().filter(e -> e instanceof Export).map(e -> e.id().value())
                .collect(Collectors.toSet());
        List<PartnerStatistics.Arrival> declared = r.arrivals().stream().filter(a -> a.export() != null).toList();
        assertThat(declared).isNotEmpty().allMatch(a -> exports.contains(a.export()));
        assertThat(r.arrivals()).as("the scenario's smuggling, declared nowhere").anyMatch(a -> a.export() == null);

        // the ledger refuses every export to China
        Set<String> refused = events.stream().filter(e -> e instanceof Export x
                && x.declaration().country().alpha2().equals("CN")).map(e -> e.id().value()).collect(Collectors.toSet());
        assertThat(refused).isNotEmpty();
        SimulationResult booked = r.withoutExports(refused);

        assertThat(booked.arrivals()).noneMatch(a -> a.export() != null && refused.contains(a.export()));
        assertThat(booked.arrivals()).filteredOn(a -> a.export() == null)
                .containsExactlyElementsOf(r.arrivals().stream().filter(a -> a.export() == null).toList());
        double refusedKg = r.arrivals().stream().filter(a -> refused.contains(a.export()))
                .mapToDouble(PartnerStatistics.Arrival::kg).sum();
        assertThat(kg(r.partnerImports()) - kg(booked.partnerImports())).isCloseTo(refusedKg, within(r.partnerImports().size() + 1.0));
        assertThat(r.withoutExports(Set.of())).isSameAs(r);
    }

    private static double kg(List<PartnerImport> rows) {
        return rows.stream().mapToDouble(PartnerImport::netMassKg).sum();
    }
}

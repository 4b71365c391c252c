package org.reetrace.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.app.demo.DemoChain;
import org.reetrace.core.analytics.Alert;
import org.reetrace.core.analytics.AlertKind;
import org.reetrace.core.analytics.Basis;
import org.reetrace.core.analytics.EnforcementAnalytics;
import org.reetrace.core.analytics.MaterialBalance;
import org.reetrace.core.analytics.MeasurementModel;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.registry.VersionedRegistry;
import org.reetrace.sim.eval.SimAnalytics;
import org.reetrace.sim.scenario.Scenario;

/** The demo chain's books under the analytics' default settings: an honest chain raises no balance alarm. */
class DemoChainAnalyticsTest {

    @Test
    void the_demo_chain_has_no_material_unaccounted_for_and_every_standardised_muf_is_finite() {
        DemoChain demo = DemoChain.build();
        VersionedRegistry registry = new VersionedRegistry();
        demo.registryChanges().forEach(d -> registry.record(d.change(), d.effective(), "demo", Instant.EPOCH));
        Ledger ledger = Ledger.empty(registry, Tolerance.DEFAULT);
        MemoryHistory history = new MemoryHistory();
        EnforcementAnalytics analytics = new EnforcementAnalytics(SimAnalytics.settings(Scenario.malaysia()));
        for (LedgerEvent e : demo.events()) {
            Verdict v = ledger.apply(e, history);
            assertThat(v).as("%s", e.id()).isInstanceOf(Verdict.Accepted.class);
            Entry entry = ((Verdict.Accepted) v).entry();
            history.record(entry);
            analytics.accept(entry);
        }

        List<Alert> alerts = analytics.alerts();
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.MATERIAL_UNACCOUNTED_FOR).isEmpty();
        List<MaterialBalance> all = new ArrayList<>();
        analytics.balances().facilities().forEach(f -> all.addAll(analytics.balances().balances(f, Basis.RARE_EARTHS)));
        assertThat(all).isNotEmpty().allSatisfy(b -> {
            assertThat(b.sigmaMufMg()).as("sigma of %s %s", b.facility(), b.month()).isPositive();
            assertThat(b.standardisedMuf()).as("%s %s", b.facility(), b.month()).isFinite();
        });
        // months whose MUF nothing in the measurement model accounts for (stock moved, re-assayed) rest on the floor
        assertThat(all).anyMatch(b -> b.mufMg() != 0 && b.sigmaMufMg() == MeasurementModel.SigmaFloor.DEFAULT.of(
                b.beginningMg(), b.receiptsMg(), b.shipmentsMg(), b.endingMg(), b.throughputMg()));
    }
}

package org.reetrace.sim;

import org.junit.jupiter.api.Test;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.sim.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRegistryTest {

    @Test
    void state_linked_operators_are_owned_by_the_state_of_malaysia_and_the_others_have_no_shareholders() {
        Scenario s = Scenario.malaysia();
        ScenarioRegistry sr = new ScenarioRegistry(s);
        RegistrySnapshot snapshot = sr.snapshot(s);

        for (Scenario.OperatorSpec o : s.operators()) {
            OperatorId id = OperatorId.of(o.id());
            assertThat(sr.shareholders(id).isEmpty()).as(o.id()).isEqualTo(!o.stateLinked());
            assertThat(sr.shareholders(id)).allSatisfy(h -> assertThat(h.holder())
                    .isEqualTo(new Shareholder.State(CountryCode.of("MY"), "state of MY")));
            assertThat(snapshot.ownership().holdersOf(id)).isEqualTo(sr.shareholders(id));
            assertThat(snapshot.stateLink(id, CountryCode.of("MY")).linked()).as(o.id()).isEqualTo(o.stateLinked());
        }
        assertThat(s.operators()).anyMatch(Scenario.OperatorSpec::stateLinked);
    }
}

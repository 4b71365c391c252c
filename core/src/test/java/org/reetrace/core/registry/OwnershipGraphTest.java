package org.reetrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OwnershipGraphTest {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final Shareholder MOF = new Shareholder.State(MY, "Minister of Finance Incorporated");
    private static final Shareholder PERAK = new Shareholder.State(MY, "Perak State Government");

    private static Shareholder co(String id) {
        return new Shareholder.Company(OperatorId.of(id));
    }

    @Test
    void state_ownership_through_two_holding_paths_adds_up_and_is_explained() {
        OwnershipGraph g = OwnershipGraph.of(List.of(
                Shareholding.of("glic-a", MOF, "100"),
                Shareholding.of("glic-b", PERAK, "60"),
                Shareholding.of("sep-co", co("glic-a"), "40"),
                Shareholding.of("sep-co", co("glic-b"), "25"),
                Shareholding.of("sep-co", new Shareholder.State(CountryCode.of("CN"), "SASAC"), "10")));
        StateLink link = g.stateLink(OperatorId.of("sep-co"), MY, BigDecimal.valueOf(50));
        assertThat(link.share()).isEqualByComparingTo("55");
        assertThat(link.linked()).isTrue();
        assertThat(link.paths()).hasSize(2);
        assertThat(link.explanation())
                .contains("is state-linked to MY").contains("55 %").contains("2 paths")
                .contains("Minister of Finance Incorporated (MY state) 100 % of glic-a > glic-a 40 % of sep-co = 40 %")
                .contains("Perak State Government (MY state) 60 % of glic-b > glic-b 25 % of sep-co = 15 %")
                .doesNotContain("SASAC");
    }

    @Test
    void one_path_alone_below_the_threshold_is_not_state_linked() {
        OwnershipGraph g = OwnershipGraph.of(List.of(Shareholding.of("glic-a", MOF, "100"),
                Shareholding.of("sep-co", co("glic-a"), "40")));
        StateLink link = g.stateLink(OperatorId.of("sep-co"), MY, BigDecimal.valueOf(50));
        assertThat(link.linked()).isFalse();
        assertThat(link.explanation()).contains("is not state-linked").contains("40 %");
    }

    @Test
    void the_threshold_is_configurable() {
        OwnershipGraph g = OwnershipGraph.of(List.of(Shareholding.of("sep-co", MOF, "30")));
        assertThat(g.stateLink(OperatorId.of("sep-co"), MY, BigDecimal.valueOf(50)).linked()).isFalse();
        assertThat(g.stateLink(OperatorId.of("sep-co"), MY, BigDecimal.valueOf(25)).linked()).isTrue();
    }

    @Test
    void a_company_without_state_holders_has_no_path() {
        StateLink link = OwnershipGraph.EMPTY.stateLink(OperatorId.of("private"), MY, BigDecimal.valueOf(50));
        assertThat(link.share()).isEqualByComparingTo("0");
        assertThat(link.explanation()).contains("no chain of holdings");
    }

    @Test
    void an_ownership_cycle_is_refused_naming_it() {
        assertThatThrownBy(() -> OwnershipGraph.of(List.of(
                Shareholding.of("a", co("b"), "50"),
                Shareholding.of("b", co("c"), "50"),
                Shareholding.of("c", co("a"), "50"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ownership cycle").hasMessageContaining("is held by");
    }

    @Test
    void holdings_over_100_percent_are_refused_with_the_sum() {
        assertThatThrownBy(() -> OwnershipGraph.of(List.of(
                Shareholding.of("x", MOF, "60"),
                Shareholding.of("x", co("y"), "40.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add up to 100.5 %");
    }

    @Test
    void a_single_holding_outside_0_to_100_is_refused() {
        assertThatThrownBy(() -> Shareholding.of("x", MOF, "101")).hasMessageContaining("at most 100 %");
        assertThatThrownBy(() -> Shareholding.of("x", MOF, "0")).hasMessageContaining("more than 0");
    }
}

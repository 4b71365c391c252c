package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

class CallerTest {

    private final Caller regulator = Caller.of("agency", Role.REGULATOR);
    private final Caller lynas = Caller.operator("lynas-kuantan", "OP-LYNAS");

    @Test
    void an_operator_caller_acts_for_exactly_one_operator() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", Role.OPERATOR, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", Role.CUSTOMS, Optional.of("OP-1")));
    }

    @Test
    void the_regulator_and_the_operator_itself_pass_the_operator_check() {
        assertThat(regulator.requireRegulatorOrOperator("OP-LYNAS")).isSameAs(regulator);
        assertThat(lynas.requireRegulatorOrOperator("OP-LYNAS")).isSameAs(lynas);
    }

    @Test
    void a_competitor_is_refused_with_a_403_problem() {
        assertThatThrownBy(() -> lynas.requireRegulatorOrOperator("OP-OTHER"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(problem.detail()).contains("lynas-kuantan", "OP-OTHER");
                });
    }

    @Test
    void customs_is_neither_regulator_nor_operator() {
        var customs = Caller.of("customs", Role.CUSTOMS);

        assertThatThrownBy(() -> customs.requireRegulatorOrOperator("OP-LYNAS")).isInstanceOf(ProblemException.class);
        assertThat(customs.requireRole(Role.CUSTOMS, Role.REGULATOR)).isSameAs(customs);
    }

    @Test
    void only_the_operator_itself_writes_for_it_not_even_the_regulator() {
        assertThat(lynas.requireOperator("OP-LYNAS")).isSameAs(lynas);
        assertThatThrownBy(() -> regulator.requireOperator("OP-LYNAS")).isInstanceOf(ProblemException.class);
    }
}

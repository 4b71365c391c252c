package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reetrace.app.web.Instants;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;

class FormMistakesTest {

    private static final Set<String> FIELDS = Set.of("id", "country", "operator");

    @Test
    void a_problem_naming_a_field_of_the_form_is_shown_beside_it() {
        FormMistakes m = FormMistakes.of(Instants.unprocessable("country", "not a country: XX"), FIELDS, Map.of());

        assertThat(m.get("country")).isEqualTo("not a country: XX");
        assertThat(m.general()).isNull();
    }

    @Test
    void a_problem_naming_a_field_the_form_has_not_is_shown_at_the_top() {
        FormMistakes m = FormMistakes.of(Instants.invalid("processes[0]", "no such process"), FIELDS, Map.of());

        assertThat(m.fields()).isEmpty();
        assertThat(m.general()).isEqualTo("processes[0]: no such process");
    }

    @Test
    void a_problem_of_a_known_type_goes_beside_its_field() {
        FormMistakes m = FormMistakes.of(ProblemException.conflict("operator-exists", "Operator exists",
                "operator OP-1 already exists"), FIELDS, Map.of("operator-exists", "id"));

        assertThat(m.get("id")).isEqualTo("operator OP-1 already exists");
    }

    @Test
    void a_problem_with_a_field_property_goes_beside_it_and_renaming_moves_it() {
        ProblemException unknown = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "operator-unknown",
                "Unknown operator", "no operator OP-9", Map.of("field", "operator"));

        FormMistakes m = FormMistakes.of(unknown, FIELDS, Map.of()).renamed(Map.of("operator", "holder"));

        assertThat(m.has("operator")).isFalse();
        assertThat(m.get("holder")).isEqualTo("no operator OP-9");
        assertThat(m.any()).isTrue();
        assertThat(FormMistakes.NONE.any()).isFalse();
    }

    @Test
    void several_reasons_for_one_field_are_joined() {
        ProblemException two = new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "x",
                Map.of("errors", List.of(Map.of("field", "id", "reason", "blank"), Map.of("field", "id", "reason", "too long"))));

        assertThat(FormMistakes.of(two, FIELDS, Map.of()).get("id")).isEqualTo("blank; too long");
    }
}

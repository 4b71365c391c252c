package org.reetrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @Test
    void a_slug_becomes_a_reetrace_problem_type() {
        assertThat(Problems.type("lot-not-active")).isEqualTo(URI.create("https://reetrace.org/problems/lot-not-active"));
    }

    @Test
    void an_absolute_uri_stays_as_it_is() {
        assertThat(Problems.type("urn:epcis:QueryTooLargeException")).isEqualTo(URI.create("urn:epcis:QueryTooLargeException"));
    }

    @Test
    void anything_else_is_a_programming_error() {
        assertThatIllegalArgumentException().isThrownBy(() -> Problems.type("Lot Not Active"));
        assertThatIllegalArgumentException().isThrownBy(() -> Problems.type(""));
    }

    @Test
    void a_status_without_own_type_gets_the_generic_one() {
        assertThat(Problems.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .isEqualTo(URI.create("https://reetrace.org/problems/unsupported-media-type"));
    }

    @Test
    void a_property_cannot_overwrite_a_member_of_the_problem_itself() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProblemException(
                HttpStatus.CONFLICT, "lot-not-active", "Lot is not active", "exported", Map.of("status", "EXPORTED")));
    }

    @Test
    void a_problem_needs_an_error_status() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ProblemException(HttpStatus.OK, "fine", "Fine", "all fine", Map.of()));
    }
}

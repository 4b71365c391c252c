package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.ledger.Refusal;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.rules.Finding;
import org.reetrace.core.rules.Jurisdiction;
import org.reetrace.core.rules.Outcome;
import org.reetrace.core.rules.Severity;
import org.springframework.http.HttpStatus;

class BookingProblemsTest {

    private static final org.reetrace.app.ledger.Outcome BOOKED =
            new org.reetrace.app.ledger.Outcome.Booked("e1", 7, "h", List.of("L1"), false);

    @Test
    void booked_and_replayed_events_are_no_problem() {
        assertThatNoException().isThrownBy(() -> BookingProblems.failIfNotBooked(List.of(BOOKED,
                new org.reetrace.app.ledger.Outcome.Booked("e2", 3, "g", List.of(), true)), true));
    }

    @Test
    void a_ledger_refusal_is_a_422_named_by_its_code_and_field() {
        var refused = new org.reetrace.app.ledger.Outcome.Refused("e1",
                new Verdict.Rejected(Refusal.LOT_NOT_HELD, "lot", "lot L1 is not held here", Map.of("held", "no")));

        ProblemException p = problem(List.of(refused), false);

        assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(p.type().toString()).endsWith("/ledger-lot-not-held");
        assertThat(p.detail()).isEqualTo("lot L1 is not held here");
        assertThat(p.properties()).containsEntry("code", "lot.not-held").containsEntry("field", "lot")
                .containsEntry("eventId", "e1").doesNotContainKey("index")
                .containsEntry("figures", Map.of("held", "no"))
                .containsEntry("errors", List.of(Map.of("field", "lot", "reason", "lot L1 is not held here")));
    }

    @Test
    void in_a_batch_the_refused_event_is_named_by_its_place_after_those_taken_back() {
        var refused = new org.reetrace.app.ledger.Outcome.Refused("e2",
                new Verdict.Rejected(Refusal.LOT_NOT_HELD, "lot", "not held"));

        ProblemException p = problem(List.of(new org.reetrace.app.ledger.Outcome.Skipped("e1"), refused,
                new org.reetrace.app.ledger.Outcome.Skipped("e3")), true);

        assertThat(p.properties()).containsEntry("field", "events[1].lot").containsEntry("index", 1)
                .doesNotContainKey("figures");
        assertThat(p.properties()).containsOnlyKeys("code", "field", "eventId", "index", "errors");
    }

    @Test
    void a_blocking_rule_is_a_422_rule_blocked_naming_rule_law_and_pack() {
        Finding rule = new Finding("my-export", "2", "digest", "MY-EXP-1", Jurisdiction.MY, "Act 1 s 2",
                Severity.BLOCK, Outcome.FAILED, "no permit", "needs EXP-1", Instant.EPOCH);
        var blocked = new org.reetrace.app.ledger.Outcome.Refused("e1",
                new Verdict.Rejected(Refusal.RULE_BLOCKED, "", "MY-EXP-1 (MY, Act 1 s 2): no permit"), rule);

        ProblemException single = problem(List.of(blocked), false);
        ProblemException batch = problem(List.of(BOOKED, blocked), true);

        assertThat(single.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(single.type().toString()).endsWith("/rule-blocked");
        assertThat(single.properties()).containsEntry("ruleId", "MY-EXP-1").containsEntry("citation", "Act 1 s 2")
                .containsEntry("jurisdiction", "MY").containsEntry("pack", "my-export")
                .containsEntry("packVersion", "2").containsEntry("explanation", "needs EXP-1")
                .containsEntry("field", "").doesNotContainKey("index")
                .containsEntry("errors", List.of(Map.of("field", "", "reason", "MY-EXP-1: no permit")));
        assertThat(batch.properties()).containsEntry("field", "events[1]").containsEntry("index", 1);
    }

    @Test
    void an_id_used_for_other_content_is_a_409() {
        ProblemException p = problem(List.of(BOOKED, new org.reetrace.app.ledger.Outcome.Conflict("e2", 4)), true);

        assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(p.type().toString()).endsWith("/event-id-conflict");
        assertThat(p.detail()).isEqualTo("event e2 was booked at sequence 4 with other content");
        assertThat(p.properties()).containsEntry("eventId", "e2").containsEntry("field", "events[1].id");
    }

    @Test
    void an_unreadable_event_is_a_400_invalid_event_naming_its_field() {
        ProblemException p = BookingProblems.invalid("events[0].massKg", "must be a number");

        assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(p.type().toString()).endsWith("/invalid-event");
        assertThat(p.detail()).isEqualTo("events[0].massKg: must be a number");
        assertThat(BookingProblems.invalid("", "the request body is empty").detail())
                .isEqualTo("the request body is empty");
    }

    private static ProblemException problem(List<org.reetrace.app.ledger.Outcome> outcomes, boolean batch) {
        return catchThrowableOfType(ProblemException.class, () -> BookingProblems.failIfNotBooked(outcomes, batch));
    }
}

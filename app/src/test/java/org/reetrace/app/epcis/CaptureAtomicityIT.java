package org.reetrace.app.epcis;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.FacilityKind;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One capture, one transaction: when the EPCIS rows of a capture cannot be stored, its ledger events are not booked
 * either, and the books stay clean. The failure is a trigger that refuses the EPCIS row of one event, as a full disk
 * or a lost connection would at that moment.
 */
class CaptureAtomicityIT extends EpcisBase {


    @Autowired
    DataSource dataSource;

    String operator;
    String regulator;
    String mark;

    @BeforeEach
    void refuseTheDoomedEpcisRow() {
        operator = tokenFor(Caller.operator("ree-ops", EpcisIT.OPERATOR));
        regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        registry.reload();
        facility("MY-MINE-1", FacilityKind.MINE, Map.of());
        mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                create or replace function refuse_doomed_epcis() returns trigger language plpgsql as $$
                begin
                    if new.body like '%DOOMED%' then raise exception 'disk full'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create trigger refuse_doomed_epcis before insert on epcis_event
                    for each row execute function refuse_doomed_epcis()""").update();
    }

    @AfterEach
    void dropTheTrigger() {
        jdbc.sql("drop trigger if exists refuse_doomed_epcis on epcis_event").update();
        jdbc.sql("drop function if exists refuse_doomed_epcis()").update();
    }

    /** The example extraction, as a new event making lot {@code lot}. */
    String extraction(String lot, int n) {
        String event = EpcisIT.example("extract");
        event = event.substring(event.indexOf("{", event.indexOf("\"eventList\" : [")), event.lastIndexOf("]"));
        return event.replace("ORE-2026-0001", lot).replace("7f0c2a4e-0001-4c1a-9a51-000000000001",
                UUID.randomUUID().toString());
    }

    String document(String... events) {
        String doc = EpcisIT.example("extract");
        return doc.substring(0, doc.indexOf("\"eventList\" : [") + "\"eventList\" : [".length())
                + String.join(",", events) + "] } }";
    }

    boolean lotExists(String lot) {
        return get("/api/lots/" + lot, regulator).status() == 200;
    }

    void assertBooksClean() {
        Response report = get("/api/ledger/verification", regulator);
        assertThat(report.json().path("clean").asBoolean()).as(report.body()).isTrue();
    }

    @Test
    void under_rollback_a_document_whose_epcis_rows_cannot_be_stored_books_nothing() {
        String good = "ORE-OK-" + mark;
        String doomed = "ORE-DOOMED-" + mark;
        String doc = document(extraction(good, 1), extraction(doomed, 2));

        JsonNode job = jobOf(operator, "application/ld+json", doc, "rollback");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.path("storedCount").asInt()).isZero();
        assertThat(lotExists(good)).isFalse();
        assertThat(lotExists(doomed)).isFalse();
        assertBooksClean();

        // the same document, once the rows can be stored, books both events with their EPCIS records
        dropTheTrigger();
        JsonNode again = jobOf(operator, "application/ld+json", doc, "rollback");
        assertThat(again.path("success").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.path("storedCount").asInt()).isEqualTo(2);
        assertThat(lotExists(good)).isTrue();
        assertThat(lotExists(doomed)).isTrue();
    }

    @Test
    void under_proceed_a_chunk_whose_epcis_rows_cannot_be_stored_books_none_of_its_events() {
        String good = "ORE-OK-" + mark;
        String doomed = "ORE-DOOMED-" + mark;

        JsonNode job = jobOf(operator, "application/ld+json", document(extraction(good, 1), extraction(doomed, 2)),
                "proceed");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.path("storedCount").asInt()).isZero();
        assertThat(lotExists(good)).isFalse();
        assertThat(lotExists(doomed)).isFalse();
        assertBooksClean();
    }

    @Test
    void a_single_event_whose_epcis_row_cannot_be_stored_is_not_booked() {
        String doomed = "ORE-DOOMED-" + mark;
        String event = extraction(doomed, 1);
        String withContext = "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                + " {\"ree\": \"https://reetrace.org/epcis/profile/1#\"}]," + event.substring(event.indexOf("{") + 1);

        Response r = post("/epcis/events", operator, "application/ld+json", withContext);

        assertThat(r.status()).as(r.body()).isGreaterThanOrEqualTo(500);
        assertThat(lotExists(doomed)).isFalse();
        assertBooksClean();

        dropTheTrigger();
        Response again = post("/epcis/events", operator, "application/ld+json", withContext);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(lotExists(doomed)).isTrue();
    }

    @Test
    void a_job_whose_server_died_is_ended_as_interrupted_and_one_whose_server_lives_is_not() throws Exception {
        String dead = "capture-dead-" + mark;
        String live = "capture-live-" + mark;
        for (String id : new String[] {dead, live}) {
            jdbc.sql("""
                    insert into capture_job (id, created_at, running, success, error_behaviour, created_by,
                        operator_id, event_count, runner) values (?, now(), true, true, 'rollback', 'ree-ops', ?, 1, ?)""")
                    .params(id, EpcisIT.OPERATOR, id + "-runner").update();
        }
        // another server, alive, holds its runner's lock on a connection of its own
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + 0x52454554 + ", hashtext('" + live + "-runner'))");
            try {
                JsonNode ended = get("/epcis/capture/" + dead, operator).json();
                JsonNode running = get("/epcis/capture/" + live, operator).json();

                assertThat(ended.path("running").asBoolean()).as(ended.toString()).isFalse();
                assertThat(ended.path("success").asBoolean()).isFalse();
                assertThat(ended.at("/errors/0/title").asString()).isEqualTo("Capture interrupted");
                assertThat(running.path("running").asBoolean()).as(running.toString()).isTrue();
            } finally {
                st.execute("select pg_advisory_unlock_all()");
            }
        }
        JsonNode endedOnceGone = get("/epcis/capture/" + live, operator).json();
        assertThat(endedOnceGone.path("running").asBoolean()).as(endedOnceGone.toString()).isFalse();
    }
}

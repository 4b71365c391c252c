package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The ledger through its HTTP API on the real embedded PostgreSQL: booking, reading back, refusals that change
 * nothing, idempotency, authorisation and the race between two conflicting transformations.
 */
class LedgerApiIT extends RunningAppIT {

    @Autowired
    LedgerWriter writer;

    String p;
    String regulator;
    String miner;
    String plant;
    String rival;

    /**
     * A mine and a separation plant of two operators, and a rival operator, all new for each test, registered in
     * force from 2025 (the events are of 2026: each is checked against the registry as it stood at its time).
     */
    @BeforeEach
    void registry() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("regulator " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-MINE-%1$s", "name": "Mine %1$s", "country": "MY",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-PLANT-%1$s", "name": "Plant %1$s", "country": "MY",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-RIVAL-%1$s", "name": "Rival %1$s", "country": "MY",
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-%1$s", "operator": "OP-MINE-%1$s", "name": "Mine", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 4.55, "longitude": 101.08}, "processes": {"CONCENTRATION": "MY"},
                 "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "SEP-%1$s", "operator": "OP-PLANT-%1$s", "name": "Plant", "kind": "SEPARATION_PLANT",
                 "country": "MY", "processes": {"SEPARATION": "CN", "CRACKING": "AU"},
                 "effective": "2025-01-01"}""".formatted(p)).status())
                .isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "RIVAL-%1$s", "operator": "OP-RIVAL-%1$s", "name": "Rival mine", "kind": "MINE", "country": "MY",
                 "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        miner = tokenFor(Caller.operator("miner " + p, "OP-MINE-" + p));
        plant = tokenFor(Caller.operator("plant " + p, "OP-PLANT-" + p));
        rival = tokenFor(Caller.operator("rival " + p, "OP-RIVAL-" + p));
    }

    String extract(String id, String lot, String massKg, String composition) {
        return """
                {"id": "%s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-%s", "lot": "%s",
                 "form": "ORE", "massKg": %s, "compositionMg": %s}""".formatted(id, p, lot, massKg, composition);
    }

    String transform(String id, String facility, String input, String inputKg, String output, String outputKg,
                     String composition) {
        return """
                {"id": "%s", "type": "TRANSFORM", "time": "2026-03-02T08:00:00Z", "facility": "%s",
                 "process": "CONCENTRATION", "inputs": [{"lot": "%s", "massKg": %s}],
                 "outputs": [{"lot": "%s", "form": "CONCENTRATE", "massKg": %s, "compositionMg": %s}]}"""
                .formatted(id, facility, input, inputKg, output, outputKg, composition);
    }

    long sequence() {
        return jdbc.sql("select seq from ledger_balance").query(Long.class).single();
    }

    @Test
    void an_operator_books_an_extraction_and_reads_the_lot_back_in_mg_and_oxide_percent() {
        Response booked = postJson("/api/events", miner, """
                {"id": "e1-%1$s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "ORE-%1$s", "form": "ORE", "massKg": 1000, "oxidePercent": {"Nd": 1.1664, "Th": 0.05}}"""
                .formatted(p));

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.json().path("lots").get(0).asString()).isEqualTo("ORE-" + p);
        Response lot = get("/api/lots/ORE-" + p, miner);
        assertThat(lot.status()).isEqualTo(200);
        // 1.1664 % Nd2O3 of 1000 kg is 11.664 kg oxide, which is exactly 10 kg of Nd (factor 1.1664)
        assertThat(lot.json().path("compositionMg").path("Nd").asLong()).isBetween(9_999_000L, 10_001_000L);
        assertThat(lot.json().path("oxidePercent").path("Nd").decimalValue()).isEqualByComparingTo("1.1664");
        assertThat(lot.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(lot.json().path("massKg").decimalValue()).isEqualByComparingTo("1000");
        // decimals are written plain, never as 1E+3
        assertThat(lot.body()).contains("\"massKg\":1000").doesNotContain("E+");
    }

    String reverse(String id, String original) {
        return """
                {"id": "%s", "type": "REVERSE", "time": "2026-03-05T08:00:00Z", "facility": "MINE-%s",
                 "original": "%s", "reason": "booked in error"}""".formatted(id, p, original);
    }

    @Test
    void a_reversal_takes_an_event_back_newest_first_and_the_lot_it_created_shows_as_void() {
        assertThat(postJson("/api/events", miner, extract("e-r1-" + p, "ORE-R-" + p, "100", "{\"Nd\": 5000000}"))
                .status()).isEqualTo(201);
        assertThat(postJson("/api/events", miner, transform("e-r2-" + p, "MINE-" + p, "ORE-R-" + p, "40",
                "CON-R-" + p, "20", "{\"Nd\": 1900000}")).status()).isEqualTo(201);
        long before = sequence();

        // the ore was used since: its extraction cannot be taken back before the transformation is
        Response early = postJson("/api/events", miner, reverse("e-r3-" + p, "e-r1-" + p));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().path("code").asString()).isEqualTo("reverse.lot-changed-since");
        assertThat(sequence()).isEqualTo(before);

        assertThat(postJson("/api/events", miner, reverse("e-r4-" + p, "e-r2-" + p)).status()).isEqualTo(201);
        assertThat(get("/api/lots/ORE-R-" + p, miner).json().path("massKg").decimalValue()).isEqualByComparingTo("100");
        assertThat(get("/api/lots/CON-R-" + p, miner).json().path("status").asString()).isEqualTo("VOID");
        Response reversed = postJson("/api/events", miner, reverse("e-r5-" + p, "e-r1-" + p));
        assertThat(reversed.status()).isEqualTo(201);
        JsonNode voided = get("/api/lots/ORE-R-" + p, miner).json();
        assertThat(voided.path("status").asString()).isEqualTo("VOID");
        assertThat(voided.path("massKg").decimalValue()).isEqualByComparingTo("0");

        Response twice = postJson("/api/events", miner, reverse("e-r6-" + p, "e-r1-" + p));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().path("code").asString()).isEqualTo("reverse.already-reversed");
        Response ofReversal = postJson("/api/events", miner, reverse("e-r7-" + p, "e-r5-" + p));
        assertThat(ofReversal.json().path("code").asString()).isEqualTo("reverse.of-reversal");
        assertThat(sequence()).isEqualTo(before + 2);
    }

    @Test
    void a_reversal_reopens_a_lot_that_its_event_consumed_whole_although_the_books_in_memory_keep_only_open_lots() {
        assertThat(postJson("/api/events", miner, extract("e-c1-" + p, "ORE-C-" + p, "100", "{\"Nd\": 5000000}"))
                .status()).isEqualTo(201);
        assertThat(postJson("/api/events", miner, transform("e-c2-" + p, "MINE-" + p, "ORE-C-" + p, "100",
                "CON-C-" + p, "20", "{\"Nd\": 1900000}")).status()).isEqualTo(201);
        assertThat(get("/api/lots/ORE-C-" + p, miner).json().path("status").asString()).isEqualTo("CONSUMED");
        Response consumedAgain = postJson("/api/events", miner, transform("e-c3-" + p, "MINE-" + p, "ORE-C-" + p,
                "1", "CON-D-" + p, "1", "{}"));
        assertThat(consumedAgain.json().path("code").asString()).isEqualTo("lot.closed");
        assertThat(consumedAgain.json().path("detail").asString()).contains("is CONSUMED");

        assertThat(postJson("/api/events", miner, reverse("e-c4-" + p, "e-c2-" + p)).status()).isEqualTo(201);

        JsonNode reopened = get("/api/lots/ORE-C-" + p, miner).json();
        assertThat(reopened.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(reopened.path("massKg").decimalValue()).isEqualByComparingTo("100");
        assertThat(get("/api/lots/CON-C-" + p, miner).json().path("status").asString()).isEqualTo("VOID");
        // the voided output's id is booked again by a corrective event, found whole in the store
        assertThat(postJson("/api/events", miner, transform("e-c5-" + p, "MINE-" + p, "ORE-C-" + p, "100",
                "CON-C-" + p, "21", "{\"Nd\": 1900000}")).status()).isEqualTo(201);
        assertThat(get("/api/lots/CON-C-" + p, miner).json().path("massKg").decimalValue())
                .isEqualByComparingTo("21");
    }

    @Test
    void the_same_event_again_answers_as_the_first_time_and_other_content_under_its_id_is_a_conflict() {
        String event = extract("e-idem-" + p, "ORE-I-" + p, "500", "{\"Nd\": 1000000}");
        Response first = postJson("/api/events", miner, event);
        long after = sequence();

        Response again = postJson("/api/events", miner, event);
        Response changed = postJson("/api/events", miner,
                extract("e-idem-" + p, "ORE-I-" + p, "501", "{\"Nd\": 1000000}"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("sequence").asLong()).isEqualTo(first.json().path("sequence").asLong());
        assertThat(again.json().path("hash").asString()).isEqualTo(first.json().path("hash").asString());
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.isProblem()).isTrue();
        assertThat(sequence()).isEqualTo(after);
        assertThat(get("/api/lots/ORE-I-" + p, miner).json().path("massKg").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void bad_events_are_refused_with_a_problem_naming_the_field_and_nothing_stored_changes() {
        assertThat(postJson("/api/events", miner, extract("e-base-" + p, "ORE-B-" + p, "100", "{\"Nd\": 5000000}"))
                .status()).isEqualTo(201);
        long before = sequence();
        String lotBefore = get("/api/lots/ORE-B-" + p, miner).body();

        assertRefused(postJson("/api/events", miner, "{\"id\": \"x\", \"type\": "), 400, null);
        assertRefused(postJson("/api/events", miner, extract("e-zero-" + p, "ORE-Z-" + p, "0", "{}")), 422, "mass");
        assertRefused(postJson("/api/events", miner, extract("e-neg-" + p, "ORE-N-" + p, "-5", "{}")), 400, "massKg");
        assertRefused(postJson("/api/events", miner, extract("e-heavy-" + p, "ORE-H-" + p, "1", "{\"Nd\": 1000001}")),
                422, "composition");
        assertRefused(postJson("/api/events", miner, extract("e-elem-" + p, "ORE-E-" + p, "1", "{\"Xx\": 1}")),
                400, "compositionMg.Xx");
        assertRefused(postJson("/api/events", miner, extract("e-text-" + p, "ORE-T-" + p, "\"heavy\"", "{}")),
                400, "massKg");
        assertRefused(postJson("/api/events", miner, transform("e-unk-" + p, "MINE-" + p, "NO-SUCH-" + p, "1",
                "C-U-" + p, "1", "{}")), 422, "inputs[0].lot");
        Response more = postJson("/api/events", miner, transform("e-more-" + p, "MINE-" + p, "ORE-B-" + p,
                "100.000001", "C-M-" + p, "1", "{}"));
        assertRefused(more, 422, "inputs[0].mass");
        // the numbers behind the refusal, for programs
        assertThat(more.json().path("code").asString()).isEqualTo("lot.exceeds-remaining");
        assertThat(more.json().at("/figures/askedMg").asLong()).isEqualTo(100_000_001L);
        assertThat(more.json().at("/figures/remainingMg").asLong()).isEqualTo(100_000_000L);
        assertRefused(postJson("/api/events", miner, transform("e-made-" + p, "MINE-" + p, "ORE-B-" + p, "10",
                "C-X-" + p, "10", "{\"Nd\": 600000, \"Dy\": 5000}")), 422, "outputs");
        // the rival's own facility does not hold the lot; another operator's facility is not the rival's to use
        assertRefused(postJson("/api/events", rival, """
                {"id": "e-steal-%1$s", "type": "SHIP", "time": "2026-03-03T08:00:00Z", "facility": "RIVAL-%1$s",
                 "lot": "ORE-B-%1$s", "destination": "SEP-%1$s"}""".formatted(p)), 422, "lot");
        assertThat(postJson("/api/events", rival, """
                {"id": "e-steal2-%1$s", "type": "SHIP", "time": "2026-03-03T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "ORE-B-%1$s", "destination": "RIVAL-%1$s"}""".formatted(p)).status()).isEqualTo(403);

        assertThat(sequence()).isEqualTo(before);
        assertThat(get("/api/lots/ORE-B-" + p, miner).body()).isEqualTo(lotBefore);
    }

    void assertRefused(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void a_closed_lot_cannot_be_acted_on() {
        postJson("/api/events", miner, extract("e-c1-" + p, "ORE-C-" + p, "10", "{\"Nd\": 100000}"));
        assertThat(postJson("/api/events", miner, transform("e-c2-" + p, "MINE-" + p, "ORE-C-" + p, "10",
                "CON-C-" + p, "2", "{\"Nd\": 90000}")).status()).isEqualTo(201);

        Response again = postJson("/api/events", miner, transform("e-c3-" + p, "MINE-" + p, "ORE-C-" + p, "1",
                "CON-D-" + p, "1", "{}"));

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("code").asString()).isEqualTo("lot.closed");
        assertThat(get("/api/lots/ORE-C-" + p, regulator).json().path("status").asString()).isEqualTo("CONSUMED");
    }

    @Test
    void only_the_regulator_customs_auditors_and_the_holder_read_a_lot() {
        postJson("/api/events", miner, extract("e-r-" + p, "ORE-R-" + p, "10", "{\"Nd\": 100000}"));

        assertThat(get("/api/lots/ORE-R-" + p, null).status()).isEqualTo(401);
        assertThat(get("/api/lots/ORE-R-" + p, "rtk_not-a-token").status()).isEqualTo(401);
        assertThat(get("/api/lots/ORE-R-" + p, rival).status()).isEqualTo(403);
        assertThat(get("/api/lots/ORE-R-" + p, plant).status()).isEqualTo(403);
        assertThat(get("/api/lots/ORE-R-" + p, miner).status()).isEqualTo(200);
        assertThat(get("/api/lots/ORE-R-" + p, regulator).status()).isEqualTo(200);
        assertThat(get("/api/lots/ORE-R-" + p, tokenFor(Caller.of("customs " + p, Role.CUSTOMS))).status()).isEqualTo(200);
        assertThat(get("/api/lots/ORE-R-" + p, tokenFor(Caller.of("public " + p, Role.PUBLIC))).status()).isEqualTo(403);
        assertThat(postJson("/api/events", regulator, extract("e-reg-" + p, "ORE-G-" + p, "1", "{}")).status())
                .isEqualTo(403);
        assertThat(get("/api/ledger/verification", miner).status()).isEqualTo(403);
    }

    @Test
    void of_two_conflicting_transformations_submitted_at_the_same_moment_exactly_one_is_accepted() throws Exception {
        postJson("/api/events", miner, extract("e-race-" + p, "ORE-RACE-" + p, "100", "{\"Nd\": 1000000}"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            Callable<Response> race = () -> {
                start.await();
                return postJson("/api/events", miner, transform("e-race-" + side + "-" + p, "MINE-" + p,
                        "ORE-RACE-" + p, "80", "CON-" + side + "-" + p, "8", "{\"Nd\": 700000}"));
            };
            answers.add(pool.submit(race));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        assertThat(get("/api/lots/ORE-RACE-" + p, miner).json().path("massKg").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void a_batch_is_all_or_nothing_and_the_problem_names_the_failing_event() {
        long before = sequence();
        Response batch = postJson("/api/events/batch", miner, """
                {"events": [%s, %s, %s]}""".formatted(
                extract("e-b1-" + p, "ORE-B1-" + p, "10", "{\"Nd\": 1000}"),
                extract("e-b2-" + p, "ORE-B2-" + p, "10", "{\"Nd\": 1000}"),
                extract("e-b3-" + p, "ORE-B1-" + p, "10", "{\"Nd\": 1000}")));

        assertThat(batch.status()).isEqualTo(422);
        assertThat(batch.json().path("index").asInt()).isEqualTo(2);
        assertThat(batch.json().path("field").asString()).isEqualTo("events[2].lot");
        assertThat(sequence()).isEqualTo(before);
        assertThat(get("/api/lots/ORE-B1-" + p, miner).status()).isEqualTo(404);
    }

    @Test
    void a_shipment_moves_custody_and_the_pedigree_and_trace_follow_the_material() {
        postJson("/api/events", miner, extract("e-s1-" + p, "ORE-S-" + p, "100", "{\"Nd\": 3000000, \"Dy\": 100000}"));
        postJson("/api/events", plant, """
                {"id": "e-s0-%1$s", "type": "IMPORT", "time": "2026-03-01T09:00:00Z", "facility": "SEP-%1$s",
                 "lot": "IMP-%1$s", "form": "CONCENTRATE", "massKg": 10, "compositionMg": {"Nd": 1000000},
                 "originCountry": "AU", "supplier": "Outback Minerals Pty Ltd",
                 "declaration": {"number": "K1-%1$s", "hsCode": "2612.20", "counterparty": "Outback Minerals Pty Ltd",
                 "country": "AU"}}""".formatted(p));
        assertThat(postJson("/api/events", miner, """
                {"id": "e-s2-%1$s", "type": "SHIP", "time": "2026-03-02T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "ORE-S-%1$s", "destination": "SEP-%1$s"}""".formatted(p)).status()).isEqualTo(201);
        assertThat(get("/api/lots/ORE-S-" + p, miner).json().path("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(postJson("/api/events", plant, """
                {"id": "e-s3-%1$s", "type": "RECEIVE", "time": "2026-03-03T08:00:00Z", "facility": "SEP-%1$s",
                 "lot": "ORE-S-%1$s", "receivedMassKg": 100}""".formatted(p)).status()).isEqualTo(201);
        Response separation = postJson("/api/events", plant, """
                {"id": "e-s4-%1$s", "type": "TRANSFORM", "time": "2026-03-04T08:00:00Z", "facility": "SEP-%1$s",
                 "process": "SEPARATION", "inputs": [{"lot": "ORE-S-%1$s", "massKg": 100}, {"lot": "IMP-%1$s", "massKg": 10}],
                 "outputs": [{"lot": "NDO-%1$s", "form": "SEPARATED_COMPOUND", "massKg": 4.6, "compositionMg": {"Nd": 3900000}}],
                 "declaredLossMg": {"Nd": 100000, "Dy": 100000}}""".formatted(p));
        assertThat(separation.status()).as(separation.body()).isEqualTo(201);

        Response pedigree = get("/api/lots/NDO-" + p + "/pedigree", plant);
        // 3,000,000 of 4,000,000 mg Nd came from the mine, 1,000,000 from Australia: 75 % and 25 %
        assertThat(pedigree.json().path("byOriginCountry").path("MY").path("compositionMg").path("Nd").asLong())
                .isEqualTo(2_925_000L);
        assertThat(pedigree.json().path("byOriginCountry").path("AU").path("compositionMg").path("Nd").asLong())
                .isEqualTo(975_000L);
        assertThat(pedigree.json().path("byStageCountry").path("SEPARATION").path("MY").path("compositionMg")
                .path("Nd").asLong()).isEqualTo(3_900_000L);
        Response trace = get("/api/lots/NDO-" + p + "/trace?direction=upstream", regulator);
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.json().path("lots")).hasSize(3);
        assertThat(trace.json().path("steps")).hasSize(1);
        assertThat(trace.json().path("steps").path(0).path("event").path("id").asString()).isEqualTo("e-s4-" + p);
        assertThat(trace.json().path("steps").path(0).path("inputs")).extracting(JsonNode::asString)
                .containsExactly("IMP-" + p, "ORE-S-" + p);
        assertThat(trace.json().path("steps").path(0).path("outputs")).extracting(JsonNode::asString)
                .containsExactly("NDO-" + p);
        Response downstream = get("/api/lots/ORE-S-" + p + "/trace?direction=downstream", regulator);
        assertThat(downstream.json().path("lots")).hasSize(2);
        assertThat(get("/api/lots/NDO-" + p + "/trace?direction=sideways", regulator).status()).isEqualTo(400);
        Response stock = get("/api/facilities/SEP-" + p + "/stock", plant);
        assertThat(stock.json().path("compositionMg").path("Nd").asLong()).isEqualTo(3_900_000L);
        List<String> active = new ArrayList<>();
        stock.json().path("activeLots").forEach(l -> active.add(l.path("id").asString()));
        assertThat(active).contains("NDO-" + p).isSorted();
        assertThat(stock.json().path("activeLots").path(active.indexOf("NDO-" + p)).path("form").asString())
                .isEqualTo("SEPARATED_COMPOUND");
        assertThat(get("/api/facilities/SEP-" + p + "/stock", miner).status()).isEqualTo(403);
    }

    @Test
    void a_trace_follows_transformations_to_the_depth_asked_and_leaves_out_what_was_made_beside() {
        postJson("/api/events", miner, extract("e-t1-" + p, "ORE-A-" + p, "100", "{\"Nd\": 1000000}"));
        postJson("/api/events", miner, extract("e-t2-" + p, "ORE-B-" + p, "100", "{\"Nd\": 1000000}"));
        Response first = postJson("/api/events", miner, """
                {"id": "e-t3-%1$s", "type": "TRANSFORM", "time": "2026-03-02T08:00:00Z", "facility": "MINE-%1$s",
                 "process": "CONCENTRATION", "inputs": [{"lot": "ORE-A-%1$s", "massKg": 100}, {"lot": "ORE-B-%1$s", "massKg": 100}],
                 "outputs": [{"lot": "CON-%1$s", "form": "CONCENTRATE", "massKg": 10, "compositionMg": {"Nd": 1900000}},
                             {"lot": "RES-%1$s", "form": "RESIDUE", "massKg": 190, "compositionMg": {"Nd": 100000}}]}"""
                .formatted(p));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(postJson("/api/events", miner, transform("e-t4-" + p, "MINE-" + p, "CON-" + p, "10", "CON2-" + p,
                "5", "{\"Nd\": 1900000}")).status()).isEqualTo(201);

        Response up = get("/api/lots/CON2-" + p + "/trace", regulator);
        assertThat(up.json().path("lots")).extracting(l -> l.path("lot").path("id").asString())
                .containsExactly("CON2-" + p, "CON-" + p, "ORE-A-" + p, "ORE-B-" + p);
        assertThat(up.json().path("steps")).extracting(st -> st.path("event").path("id").asString() + " "
                        + st.path("inputs") + " -> " + st.path("outputs"))
                .containsExactly("e-t3-%1$s [\"ORE-A-%1$s\",\"ORE-B-%1$s\"] -> [\"CON-%1$s\"]".formatted(p),
                        "e-t4-%1$s [\"CON-%1$s\"] -> [\"CON2-%1$s\"]".formatted(p));
        Response shallow = get("/api/lots/CON2-" + p + "/trace?depth=1", regulator);
        assertThat(shallow.json().path("lots")).hasSize(2);
        assertThat(shallow.json().path("steps")).hasSize(1);

        Response down = get("/api/lots/ORE-A-" + p + "/trace?direction=downstream", regulator);
        assertThat(down.json().path("lots")).extracting(l -> l.path("lot").path("id").asString())
                .containsExactly("ORE-A-" + p, "CON-" + p, "RES-" + p, "CON2-" + p);
        assertThat(down.json().path("steps").path(0).path("inputs")).extracting(JsonNode::asString)
                .containsExactly("ORE-A-" + p);
        assertThat(down.json().path("steps").path(0).path("outputs")).extracting(JsonNode::asString)
                .containsExactly("CON-" + p, "RES-" + p);
    }

    @Test
    void in_a_trace_an_operator_sees_only_that_lots_held_by_others_exist() {
        postJson("/api/events", miner, extract("e-w1-" + p, "ORE-W-" + p, "100", "{\"Nd\": 1000000}"));
        postJson("/api/events", miner, transform("e-w2-" + p, "MINE-" + p, "ORE-W-" + p, "50", "CON-W-" + p, "5",
                "{\"Nd\": 450000}"));
        postJson("/api/events", miner, """
                {"id": "e-w3-%1$s", "type": "SHIP", "time": "2026-03-05T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "CON-W-%1$s", "destination": "SEP-%1$s"}""".formatted(p));
        postJson("/api/events", plant, """
                {"id": "e-w4-%1$s", "type": "RECEIVE", "time": "2026-03-06T08:00:00Z", "facility": "SEP-%1$s",
                 "lot": "CON-W-%1$s", "receivedMassKg": 5}""".formatted(p));

        Response asPlant = get("/api/lots/CON-W-" + p + "/trace", plant);
        Response asRegulator = get("/api/lots/CON-W-" + p + "/trace", regulator);

        assertThat(asPlant.status()).isEqualTo(200);
        assertThat(asPlant.json().path("lots")).extracting(l -> l.path("lot").path("id").asString())
                .containsExactly("CON-W-" + p);
        assertThat(asPlant.json().path("withheldLots").asInt()).isEqualTo(1);
        assertThat(asPlant.json().path("lots").get(0).path("createdBy").path("withheld").asBoolean()).isTrue();
        JsonNode step = asPlant.json().path("steps").get(0);
        assertThat(step.path("withheld").asBoolean()).isTrue();
        assertThat(step.has("event")).isFalse();
        assertThat(step.path("inputs")).isEmpty();
        assertThat(step.path("withheldInputs").asInt()).isEqualTo(1);
        assertThat(step.path("outputs")).extracting(JsonNode::asString).containsExactly("CON-W-" + p);
        // nothing of the miner's lot or of its events: no id, event, time, facility or quantity
        assertThat(asPlant.body()).doesNotContain("ORE-W-" + p, "e-w1-" + p, "e-w2-" + p, "MINE-" + p, "OP-MINE-" + p,
                "2026-03-01", "2026-03-02", "TRANSFORM", "EXTRACT");
        assertThat(asRegulator.json().path("lots").get(1).path("lot").path("id").asString()).isEqualTo("ORE-W-" + p);
        assertThat(asRegulator.json().path("lots").get(1).path("lot").path("massKg").decimalValue())
                .isEqualByComparingTo("50");
        assertThat(asRegulator.json().path("steps").get(0).path("event").path("id").asString()).isEqualTo("e-w2-" + p);

        Response downstreamAsMiner = get("/api/lots/ORE-W-" + p + "/trace?direction=downstream", miner);
        assertThat(downstreamAsMiner.json().path("lots")).extracting(l -> l.path("lot").path("id").asString())
                .containsExactly("ORE-W-" + p);
        assertThat(downstreamAsMiner.json().path("steps").get(0).path("event").path("id").asString())
                .as("its own transformation").isEqualTo("e-w2-" + p);
        assertThat(downstreamAsMiner.json().path("steps").get(0).path("withheldOutputs").asInt()).isEqualTo(1);
        assertThat(downstreamAsMiner.body()).doesNotContain("CON-W-" + p, "SEP-" + p);

        Response pedigreeAsPlant = get("/api/lots/CON-W-" + p + "/pedigree", plant);
        assertThat(pedigreeAsPlant.json().path("paths").get(0).path("origin").path("withheld").asBoolean()).isTrue();
        assertThat(pedigreeAsPlant.json().path("paths").get(0).path("origin").path("country").asString()).isEqualTo("MY");
        assertThat(pedigreeAsPlant.body()).doesNotContain("MINE-" + p);
        assertThat(get("/api/lots/ORE-W-" + p + "/pedigree", miner).json().path("paths").get(0).path("origin")
                .path("source").asString()).as("its own mine").isEqualTo("MINE-" + p);
        assertThat(get("/api/lots/CON-W-" + p + "/pedigree", regulator).json().path("paths").get(0).path("origin")
                .path("source").asString()).isEqualTo("MINE-" + p);
        Response stock = get("/api/facilities/SEP-" + p + "/stock", plant);
        assertThat(stock.json().path("activeLots")).extracting(l -> l.path("id").asString()).contains("CON-W-" + p);
        assertThat(stock.json().path("withheldLots").asInt()).isZero();
    }

    @Test
    void the_verification_of_the_stored_ledger_is_clean() {
        postJson("/api/events", miner, extract("e-v-" + p, "ORE-V-" + p, "10", "{\"Nd\": 100000}"));

        Response report = get("/api/ledger/verification", regulator);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("clean").asBoolean()).as(report.body()).isTrue();
        assertThat(report.json().path("events").asLong()).isEqualTo(sequence());
    }

    @Test
    void a_failed_transaction_fails_its_submissions_and_the_books_go_on_from_what_was_stored() {
        String lot = "ORE-F-" + p;
        // the database refuses this one event, as a full disk or a lost connection would refuse a commit
        jdbc.sql("""
                create function refuse_doomed() returns trigger language plpgsql as $$
                begin
                    if new.event_id like 'doomed-%' then raise exception 'disk full'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_doomed before insert on ledger_event for each row execute function refuse_doomed()")
                .update();
        List<CompletableFuture<List<Outcome>>> behind = new ArrayList<>();
        Response doomed;
        try {
            // submissions right behind the doomed one are applied on top of it while it commits
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> postJson("/api/events", miner,
                    extract("doomed-" + p, lot, "10", "{\"Nd\": 100000}")));
            for (int i = 0; i < 20; i++) {
                behind.add(writer.submit(List.of(EventJson.read(JSON.readTree(extract("e-f" + i + "-" + p,
                        "ORE-F" + i + "-" + p, "1", "{\"Nd\": 1000}")), id -> Optional.empty()))));
            }
            doomed = first.join();
            behind.forEach(f -> f.handle((r, e) -> r).join());
        } finally {
            jdbc.sql("drop trigger refuse_doomed on ledger_event").update();
            jdbc.sql("drop function refuse_doomed()").update();
        }

        assertThat(doomed.status()).as(doomed.body()).isEqualTo(500);
        assertThat(get("/api/lots/" + lot, regulator).status()).isEqualTo(404);
        // each submission behind it either failed with it or was booked and stored; none is half there
        for (int i = 0; i < behind.size(); i++) {
            boolean booked = !behind.get(i).isCompletedExceptionally();
            assertThat(get("/api/lots/ORE-F" + i + "-" + p, regulator).status()).isEqualTo(booked ? 200 : 404);
        }
        // the lot the failed event would have made does not exist in memory either: booking it again works
        Response again = postJson("/api/events", miner, extract("e-f-again-" + p, lot, "10", "{\"Nd\": 100000}"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        Response report = get("/api/ledger/verification", regulator);
        assertThat(report.json().path("clean").asBoolean()).as(report.body()).isTrue();
    }
}

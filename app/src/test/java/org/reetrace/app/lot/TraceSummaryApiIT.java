package org.reetrace.app.lot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The summarised trace and its steps' lots, on the demo chain's magnet, as the regulator and as operators. */
class TraceSummaryApiIT extends RunningAppIT {

    private static DemoLoader.Loaded demo;

    @Autowired
    private DemoLoader loader;

    @BeforeEach
    void demoChain() {
        synchronized (TraceSummaryApiIT.class) {
            if (demo == null) {
                demo = loader.load();
            }
        }
    }

    @Test
    void the_regulator_sees_each_step_of_the_magnets_trace_with_its_lots_elements_and_countries() {
        Response r = get("/api/lots/MAG-2026-0001/trace/summary", demo.regulatorToken());
        assertThat(r.status()).isEqualTo(200);
        JsonNode steps = r.json().path("steps");
        System.out.println(r.body());
        assertThat(r.json().path("direction").asString()).isEqualTo("upstream");
        JsonNode first = steps.path(0);
        assertThat(first.path("step").asInt()).isEqualTo(1);
        assertThat(first.path("processes").path(0).asString()).isEqualTo("MAGNET_MAKING");
        assertThat(first.path("lots").asLong()).isEqualTo(1);
        assertThat(first.path("forms").path(0).asString()).isEqualTo("METAL_OR_ALLOY");
        // the alloy as the metal plant made it (demo-021)
        assertThat(first.path("compositionMg").path("Nd").asLong()).isEqualTo(771_695_547L);
        assertThat(first.path("massKg").decimalValue()).isEqualByComparingTo("1036.379631");
        assertThat(first.has("withheldLots")).isFalse();
        JsonNode second = steps.path(1);
        assertThat(second.path("processes").path(0).asString()).isEqualTo("METAL_MAKING");
        assertThat(second.path("lots").asLong()).isEqualTo(3);
        assertThat(second.path("countries")).extracting(JsonNode::asString).contains("CN", "MY");
        assertThat(second.path("compositionMg").path("Dy").asLong()).isGreaterThanOrEqualTo(17_339_283L);
        assertThat(steps.size()).isGreaterThan(3);

        Response down = get("/api/lots/ALLOY-2026-0001/trace/summary?direction=downstream", demo.regulatorToken());
        assertThat(down.json().path("steps").path(0).path("forms").path(0).asString()).isEqualTo("MAGNET");
    }

    @Test
    void a_step_is_read_a_page_at_a_time_in_order_of_id() {
        Response page1 = get("/api/lots/MAG-2026-0001/trace/steps/2/lots?size=2", demo.regulatorToken());
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().path("lots").asLong()).isEqualTo(3);
        assertThat(page1.json().path("items")).extracting(l -> l.path("id").asString())
                .containsExactly("DYO-CN-2026-0001", "HRE-2026-0001");
        Response page2 = get("/api/lots/MAG-2026-0001/trace/steps/2/lots?size=2&page=2", demo.regulatorToken());
        assertThat(page2.json().path("items")).extracting(l -> l.path("id").asString())
                .containsExactly("NDPR-2026-0001");
        assertThat(get("/api/lots/MAG-2026-0001/trace/steps/40/lots", demo.regulatorToken()).status()).isEqualTo(404);
        assertThat(get("/api/lots/MAG-2026-0001/trace/steps/2/lots?size=500", demo.regulatorToken()).status())
                .isEqualTo(400);
        assertThat(get("/api/lots/MAG-2026-0001/trace/steps/0/lots", demo.regulatorToken()).status()).isEqualTo(400);
        assertThat(get("/api/lots/MAG-2026-0001/trace/summary?direction=sideways", demo.regulatorToken()).status())
                .isEqualTo(400);
    }

    @Test
    void an_operator_sees_its_own_lots_and_of_the_others_only_how_many() {
        Response r = get("/api/lots/MAG-2026-0001/trace/summary", demo.magnetMakerToken());
        assertThat(r.status()).isEqualTo(200);
        JsonNode steps = r.json().path("steps");
        // the alloy was shipped to the magnet maker: its own; the oxides are the metal plant's
        assertThat(steps.path(0).path("lots").asLong()).isEqualTo(1);
        assertThat(steps.path(0).path("withheldLots").asLong()).isZero();
        assertThat(steps.path(1).path("lots").asLong()).isZero();
        assertThat(steps.path(1).path("withheldLots").asLong()).isEqualTo(3);
        assertThat(steps.path(1).path("processes")).isEmpty();
        assertThat(steps.path(1).path("compositionMg").isEmpty()).isTrue();
        assertThat(r.body()).doesNotContain("NDPR-2026-0001", "MY-MLK-MET-01");

        Response lots = get("/api/lots/MAG-2026-0001/trace/steps/2/lots", demo.magnetMakerToken());
        assertThat(lots.json().path("items")).isEmpty();
        assertThat(lots.json().path("withheldLots").asLong()).isEqualTo(3);

        assertThat(get("/api/lots/MAG-2026-0001/trace/summary", demo.separationPlantToken()).status()).isEqualTo(403);
        assertThat(get("/api/lots/MAG-2026-0001/trace/steps/1/lots", demo.separationPlantToken()).status())
                .isEqualTo(403);
    }

    @Test
    void a_lots_events_are_listed_in_order() {
        Response r = get("/api/lots/ALLOY-2026-0001/events", demo.regulatorToken());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).extracting(e -> e.path("type").asString()).startsWith("TRANSFORM");
        assertThat(r.json().path(0).path("event").path("id").asString()).isEqualTo("demo-021");
    }
}

package org.reetrace.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reetrace bench} on the smallest workload it takes (CI's smoke test runs --quick): the ingest rows and the
 * capture rows, whose counts add up: events captured over HTTP by documents of one operator, and one document
 * captured by a forked server with a 256 MB heap.
 */
class BenchCommandIT {

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void a_small_bench_captures_over_http_and_in_a_server_with_a_small_heap(@TempDir Path reports) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        CommandLine reetrace = ReetraceBench.commandLine();
        reetrace.setOut(new PrintWriter(out, true));
        reetrace.setErr(new PrintWriter(err, true));
        int code = reetrace.execute("bench", "--events", "1000", "--samples", "10", "--document-mb", "1",
                "--report", reports.toString());

        assertThat(code).as("%s%n%s", out, err).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        JsonNode bench = JsonMapper.builder().build().readTree(Files.readString(reports.resolve("bench.json")));
        bench.path("rows").forEach(r -> rows.put(r.path("measure").asString(), r));
        assertThat(rows).containsKeys("Ingest through the ledger writer", "Reconciliation of the year");
        // durable by default, though the tests' configuration chooses speed
        JsonNode durability = rows.get("Durable commits (fsync / synchronous_commit / full_page_writes)");
        assertThat(durability.path("figure").asString()).isEqualTo("on / on / on");
        assertThat(durability.path("met").asBoolean()).isTrue();
        assertThat(rows.get("Ingest through the ledger writer").path("workload").asString()).endsWith(", durable commits");

        JsonNode http = rows.get("EPCIS capture over HTTP, 4 clients, documents <= 1,000 events");
        Matcher sent = Pattern.compile("^100 events in (\\d+) documents").matcher(http.path("workload").asString());
        assertThat(sent.find()).as(http.toString()).isTrue();
        int documents = Integer.parseInt(sent.group(1));
        assertThat(documents).as("at least one a client").isGreaterThanOrEqualTo(4);
        assertThat(number(http)).as("events per second").isPositive();
        assertThat(number(rows.get("Ingest, the second half of those events alone"))).isPositive();
        assertThat(number(rows.get("EPCIS capture over HTTP, the second half of those documents alone")))
                .isPositive();
        assertThat(rows.get("Capture of one document, POST to finished job").path("workload").asString())
                .endsWith(", " + documents + " calls");

        JsonNode large = rows.get("EPCIS capture of one 1 MB document");
        assertThat(large.path("workload").asString()).contains("OP-KENERING", "-Xmx256m", "smaller than");
        assertThat(large.path("met").isNull()).as("captured, but smaller than the goal's: %s", large).isTrue();
        assertThat(number(large)).as("seconds").isPositive();
        JsonNode heap = rows.get("Heap of that capture, most after a GC pause");
        assertThat(heap.path("met").asBoolean()).as(heap.toString()).isTrue();
        assertThat(number(heap)).as("MiB").isBetween(1.0, 256.0);
        assertThat(number(rows.get("Heap held after that capture"))).as("MiB after a full GC")
                .isPositive().isLessThanOrEqualTo(number(heap));
        assertThat(bench.path("notes").toString()).contains("GS1-Capture-Error-Behaviour: proceed");

        // the pages, signed in through the form: those of this build timed, any other listed as not served
        for (String page : new String[] {"Page /customs", "Page /customs?pre-check", "Page /portal"}) {
            assertThat(rows).as(page).containsKey(page);
            assertThat(rows.get(page).path("figure").asString()).as(page).matches("p50 [0-9.]+ / p99 [0-9.]+");
            assertThat(rows.get(page).path("workload").asString()).as(page).doesNotContain("not 200");
        }
        assertThat(rows.get("Page /portal").path("workload").asString()).startsWith("operator ");
        assertThat(bench.path("notes").toString()).contains("Pages: each page opened by a person signed in");
    }

    private static double number(JsonNode row) {
        return Double.parseDouble(row.path("figure").asString().replace(",", ""));
    }
}

package org.reetrace.bench.epcis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.hash.EventHash;
import org.reetrace.epcis.json.JsonDocumentReader;

/**
 * EPCIS capture's per-event work before the ledger: parsing a JSON-LD capture document of one event
 * ({@code parseDocument}) and the GS1 event hash ({@code hash}: pre-hash string and SHA-256). Workload: the GS1 example
 * {@code object_event_all_possible_fields} (every optional field set: the costly case). The figure that matters:
 * microseconds per event, against the 100 us an event that 10,000 events/s of HTTP capture allows on one core.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar EpcisEventBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EpcisEventBenchmark {

    private byte[] document;
    private EpcisEvent event;

    @Setup
    public void setUp() {
        try (InputStream in = EpcisEventBenchmark.class.getResourceAsStream("object_event_all_possible_fields.jsonld")) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event = parseDocument();
    }

    @Benchmark
    public EpcisEvent parseDocument() {
        try (JsonDocumentReader r = JsonDocumentReader.open(new ByteArrayInputStream(document))) {
            return r.next().event();
        }
    }

    @Benchmark
    public String hash() {
        return EventHash.of(event);
    }
}

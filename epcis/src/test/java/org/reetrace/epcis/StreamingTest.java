package org.reetrace.epcis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.ObjectEvent;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.xml.XmlDocumentReader;
import org.reetrace.epcis.xml.XmlDocumentWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated document of 100,000 events is written to a file and read back event by event. Nothing holds
 * the events: the writer and reader stream, and the test only counts (and checks the last event), so the
 * run's heap stays that of a handful of events whatever the document's size.
 */
class StreamingTest {
    private static final int EVENTS = 100_000;

    private static EpcisEvent event(int i) {
        return new ObjectEvent(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), null, "+08:00", null, null,
                null, List.of(), Action.OBSERVE, "https://ref.gs1.org/cbv/BizStep-inspecting", null,
                Location.of("urn:epc:id:sgln:9555555.00001.0"), null, List.of(),
                List.of(new QuantityElement("urn:epc:class:lgtin:9555555.012345.L" + i, BigDecimal.valueOf(i, 3), "KGM")),
                List.of(), List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void a_json_document_of_a_hundred_thousand_events_is_read_one_event_at_a_time(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.jsonld");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             JsonDocumentWriter writer = JsonDocumentWriter.open(out, EpcisHeader.capture(Instant.EPOCH, Map.of()))) {
            for (int i = 0; i < EVENTS; i++) {
                writer.write(event(i));
            }
        }

        int count = 0;
        EpcisEvent last = null;
        try (InputStream in = Files.newInputStream(file); JsonDocumentReader reader = JsonDocumentReader.open(in)) {
            while (reader.hasNext()) {
                last = reader.next().event();
                count++;
            }
        }
        assertThat(count).isEqualTo(EVENTS);
        assertThat(last).isEqualTo(event(EVENTS - 1));
    }

    @Test
    void an_xml_document_of_a_hundred_thousand_events_is_read_one_event_at_a_time(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.xml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             XmlDocumentWriter writer = XmlDocumentWriter.open(out, EpcisHeader.capture(Instant.EPOCH, Map.of()))) {
            for (int i = 0; i < EVENTS; i++) {
                writer.write(event(i));
            }
        }

        int count = 0;
        EpcisEvent last = null;
        try (InputStream in = Files.newInputStream(file); XmlDocumentReader reader = XmlDocumentReader.open(in)) {
            while (reader.hasNext()) {
                last = reader.next().event();
                count++;
            }
        }
        assertThat(count).isEqualTo(EVENTS);
        assertThat(last).isEqualTo(event(EVENTS - 1));
    }
}

package org.reetrace.epcis.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reetrace.epcis.Gs1Examples;
import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.xml.XmlDocumentWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.epcis.Gs1Examples.open;

/**
 * An event written on its own ({@link JsonDocumentWriter#eventToJson}) and read on its own
 * ({@link JsonDocumentReader#readEvent}) is the same event: the repository stores each captured event this
 * way, with only the profile's prefix given, so every namespace the event uses must travel in its own
 * {@code @context} and every field must have a place in the JSON. Then the stored events of a document,
 * answered together in a query document, read back the same in JSON-LD and in XML.
 */
class StandaloneEventTest {
    /** What the repository gives the writer: the profile's prefix, none of the document's. */
    private static final Map<String, String> PROFILE_ONLY = Map.of("ree", "https://reetrace.org/epcis/profile/1#");

    static Stream<Path> json() throws IOException {
        return Gs1Examples.jsonDocuments();
    }

    static Stream<Path> xml() throws IOException {
        return Gs1Examples.xmlDocuments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void every_event_of_a_gs1_json_example_survives_being_written_and_read_on_its_own(Path example) {
        for (EpcisEvent e : Gs1Examples.readJson(open(example)).events()) {
            String alone = JsonDocumentWriter.eventToJson(e, PROFILE_ONLY);
            assertThat(JsonDocumentReader.readEvent(alone)).as(alone).isEqualTo(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xml")
    void every_event_of_a_gs1_xml_example_survives_being_written_and_read_on_its_own(Path example) {
        for (EpcisEvent e : Gs1Examples.readXml(open(example)).events()) {
            String alone = JsonDocumentWriter.eventToJson(e, PROFILE_ONLY);
            assertThat(JsonDocumentReader.readEvent(alone)).as(alone).isEqualTo(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void the_stored_events_of_a_gs1_json_example_come_back_alike_in_a_query_document_of_either_binding(Path example) {
        List<EpcisEvent> sent = Gs1Examples.readJson(open(example)).events();
        assertQueriedBackAlike(sent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xml")
    void the_stored_events_of_a_gs1_xml_example_come_back_alike_in_a_query_document_of_either_binding(Path example) {
        List<EpcisEvent> sent = Gs1Examples.readXml(open(example)).events();
        assertQueriedBackAlike(sent);
    }

    /**
     * Two ways this used to lose data: a prefix generated for an undeclared namespace was declared only in the
     * first event's {@code @context} and used unresolved by the next ones, and a sensor report's bizRules (a JSON
     * schema field the XSD lacks) was not written to XML.
     */
    private static void assertQueriedBackAlike(List<EpcisEvent> sent) {
        List<EpcisEvent> stored = sent.stream()
                .map(e -> JsonDocumentReader.readEvent(JsonDocumentWriter.eventToJson(e, PROFILE_ONLY))).toList();
        EpcisHeader query = new EpcisHeader(DocumentType.EPCISQueryDocument, "2.0", Instant.EPOCH,
                List.of(EpcisHeader.EPCIS_CONTEXT), PROFILE_ONLY, null, null, null, "SimpleEventQuery", null);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonDocumentWriter w = JsonDocumentWriter.open(json, query)) {
            stored.forEach(w::write);
        }
        String xml = XmlDocumentWriter.toXml(query, stored);

        assertThat(Gs1Examples.readJson(Gs1Examples.bytes(json.toString(StandardCharsets.UTF_8))).events())
                .as(json.toString(StandardCharsets.UTF_8)).isEqualTo(sent);
        assertThat(Gs1Examples.readXml(Gs1Examples.bytes(xml)).events()).as(xml).isEqualTo(sent);
    }
}

package org.reetrace.epcis.validation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reetrace.epcis.Gs1Examples.bytes;

/** Small broken documents are refused with the index of the broken event and where in it the fault is. */
class NegativeDocumentsTest {
    private static final JsonSchemaValidator JSON = new JsonSchemaValidator();
    private static final XmlSchemaValidator XML = new XmlSchemaValidator();

    private static final String GOOD_EVENT = """
            {"type": "ObjectEvent", "eventTime": "2026-01-05T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["urn:epc:id:sgtin:9555555.012345.1"], "action": "OBSERVE"}""";

    private static String jsonDocument(String secondEvent) {
        return jsonDocument(secondEvent, "\"@context\": \"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",");
    }

    private static String jsonDocument(String secondEvent, String context) {
        return "{" + context + """
                "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-05T08:00:00Z",
                "epcisBody": {"eventList": [""" + GOOD_EVENT + "," + secondEvent + "]}}";
    }

    private static String secondEventWith(String field, String value) {
        return GOOD_EVENT.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
    }

    @Test
    void a_document_without_context_is_refused_at_document_level() {
        List<ValidationProblem> problems = JSON.validate(bytes(jsonDocument(GOOD_EVENT, "")));

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(ValidationProblem.DOCUMENT));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("@context"));
    }

    @Test
    void an_unknown_action_is_refused_at_the_second_event_s_action() {
        assertThat(JSON.validate(bytes(jsonDocument(secondEventWith("action", "\"MOVE\"")))))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).extracting(ValidationProblem::eventIndex, ValidationProblem::location)
                        .containsExactly(1, "/epcisBody/eventList/1/action"));
    }

    @Test
    void an_event_time_that_is_no_time_is_refused_at_the_second_event_s_event_time() {
        assertThat(JSON.validate(bytes(jsonDocument(secondEventWith("eventTime", "\"yesterday noon\"")))))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.location()).isEqualTo("/epcisBody/eventList/1/eventTime"));
    }

    @Test
    void a_quantity_written_as_text_is_refused_at_that_quantity() {
        String event = GOOD_EVENT.replace("\"epcList\": [\"urn:epc:id:sgtin:9555555.012345.1\"]",
                "\"quantityList\": [{\"epcClass\": \"urn:epc:class:lgtin:9555555.012345.L1\", \"quantity\": \"12\", \"uom\": \"KGM\"}]");

        assertThat(JSON.validate(bytes(jsonDocument(event))))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(1))
                .anySatisfy(p -> {
                    assertThat(p.location()).isEqualTo("/epcisBody/eventList/1/quantityList/0/quantity");
                    assertThat(p.message()).contains("number expected");
                });
    }

    @Test
    void an_unknown_unprefixed_field_on_an_event_is_refused_where_the_schema_allows_only_uris() {
        String event = GOOD_EVENT.replace("\"action\"", "\"colour\": \"red\", \"action\"");

        assertThat(JSON.validate(bytes(jsonDocument(event))))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(1))
                .anySatisfy(p -> assertThat(p.message()).contains("colour"));
    }

    @Test
    void an_unknown_field_on_the_document_is_refused_at_document_level() {
        String doc = jsonDocument(GOOD_EVENT).replace("\"type\": \"EPCISDocument\"", "\"colour\": 1, \"type\": \"EPCISDocument\"");

        assertThat(JSON.validate(bytes(doc))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(ValidationProblem.DOCUMENT));
    }

    @Test
    void a_valid_document_has_no_problems() {
        assertThat(JSON.validate(bytes(jsonDocument(GOOD_EVENT)))).isEmpty();
    }

    @Test
    void the_reader_names_the_event_and_pointer_of_a_time_it_cannot_read() {
        try (JsonDocumentReader reader = JsonDocumentReader.open(bytes(jsonDocument(
                secondEventWith("eventTime", "\"2026-13-45T99:00:00Z\""))))) {
            reader.next();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(MalformedEventException.class, e -> {
                assertThat(e.eventIndex()).isEqualTo(1);
                assertThat(e.location()).isEqualTo("/epcisBody/eventList/1/eventTime");
            });
        }
    }

    private static String xmlDocument(String secondEventBody) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2026-01-05T08:00:00Z">
                  <EPCISBody>
                    <EventList>
                      <ObjectEvent>
                        <eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                        <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                        <epcList><epc>urn:epc:id:sgtin:9555555.012345.1</epc></epcList>
                        <action>OBSERVE</action>
                      </ObjectEvent>
                      <ObjectEvent>
                """ + secondEventBody + """
                      </ObjectEvent>
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """;
    }

    @Test
    void xml_with_elements_out_of_the_standard_s_order_is_refused_at_the_second_event_with_its_line() {
        String body = """
                        <eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                        <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                        <action>OBSERVE</action>
                        <epcList><epc>urn:epc:id:sgtin:9555555.012345.1</epc></epcList>
                """;

        List<ValidationProblem> problems = XML.validate(bytes(xmlDocument(body)));

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(1));
        assertThat(problems.getFirst().location()).startsWith("16:");
    }

    @Test
    void xml_with_a_bad_event_time_is_refused_at_the_second_event() {
        String body = """
                        <eventTime>yesterday</eventTime>
                        <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                        <action>OBSERVE</action>
                """;

        assertThat(XML.validate(bytes(xmlDocument(body)))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.eventIndex()).isEqualTo(1))
                .anySatisfy(p -> assertThat(p.location()).startsWith("13:"));
    }

    @Test
    void a_valid_xml_document_has_no_problems() {
        String body = """
                        <eventTime>2026-01-05T09:00:00.000+08:00</eventTime>
                        <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                        <action>ADD</action>
                """;
        assertThat(XML.validate(bytes(xmlDocument(body)))).isEmpty();
    }
}

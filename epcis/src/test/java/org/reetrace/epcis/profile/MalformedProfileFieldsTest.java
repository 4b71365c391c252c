package org.reetrace.epcis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.reetrace.epcis.document.MalformedEventException;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.xml.XmlDocumentReader;

/** A profile field of the wrong shape is refused and named, never dropped nor read as empty. */
class MalformedProfileFieldsTest {

    private static String extraction(String composition, String ledgerEvent) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                   {"ree": "https://reetrace.org/epcis/profile/1#"}],
                 "type": "ObjectEvent", "eventTime": "2026-03-02T00:15:00Z", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000001", "action": "ADD",
                 "bizStep": "commissioning", "bizLocation": {"id": "urn:reetrace:facility:MY-MINE-1"},
                 "quantityList": [{"epcClass": "urn:reetrace:lot:ORE-1", "quantity": 1000, "uom": "KGM"}],
                 "ilmd": {"ree:lot": {"ree:epcClass": "urn:reetrace:lot:ORE-1", "ree:materialForm": "ORE",
                   "ree:composition": %s}},
                 "ree:ledgerEvent": %s}""".formatted(composition, ledgerEvent);
    }

    private static ProfileReading read(String json) {
        return ProfileReader.read(JsonDocumentReader.readEvent(json), "fallback");
    }

    @Test
    void a_well_formed_extraction_is_read_with_its_elements() {
        assertThat(read(extraction("{\"ree:Nd\": 1800000}", "\"EXTRACT\""))).isInstanceOf(ProfileReading.Profiled.class);
    }

    @Test
    void a_composition_given_as_text_or_a_number_is_refused_naming_it() {
        for (String wrong : new String[] {"\"1200000\"", "5", "true"}) {
            ProfileReading reading = read(extraction(wrong, "\"EXTRACT\""));
            assertThat(reading).as(wrong).isInstanceOf(ProfileReading.Invalid.class);
            assertThat(((ProfileReading.Invalid) reading).field()).as(wrong).endsWith("/ree:composition");
        }
    }

    @Test
    void a_ledger_event_that_is_not_one_text_is_refused_not_taken_as_unprofiled() {
        for (String odd : new String[] {"{\"a\": 1}", "[\"EXTRACT\", \"ASSAY\"]", "\"\"", "{\"#text\": \"\"}"}) {
            ProfileReading reading = read(extraction("{\"ree:Nd\": 1}", odd));
            assertThat(reading).as(odd).isInstanceOf(ProfileReading.Invalid.class);
            assertThat(((ProfileReading.Invalid) reading).field()).as(odd).isEqualTo("/ree:ledgerEvent");
        }
    }

    @Test
    void a_profile_field_given_as_null_is_a_malformed_event() {
        assertThatThrownBy(() -> read(extraction("null", "\"EXTRACT\"")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ree:composition");
    }

    @Test
    void text_that_cannot_be_kept_and_numbers_out_of_range_are_malformed_with_their_pointer() {
        assertThatThrownBy(() -> read(extraction("{\"ree:Nd\": 1}", "\"EXT\\u0000RACT\"")))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(((MalformedEventException) e).location()).isEqualTo("/ree:ledgerEvent"))
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> read(extraction("{\"ree:Nd\": 1e999999999}", "\"EXTRACT\"")))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(((MalformedEventException) e).location())
                        .isEqualTo("/ilmd/ree:lot/ree:composition/ree:Nd"));
    }

    @Test
    void a_key_given_twice_is_refused() {
        String twice = extraction("{\"ree:Nd\": 1}", "\"EXTRACT\"").replace("\"action\": \"ADD\",",
                "\"action\": \"ADD\", \"action\": \"DELETE\",");
        String document = "{\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-03-31T16:00:00Z\","
                + " \"epcisBody\": {\"eventList\": [" + twice + "]}}";
        assertThatThrownBy(() -> {
            try (JsonDocumentReader r = JsonDocumentReader.open(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))) {
                r.hasNext();
                r.next();
            }
        }).hasMessageContaining("Duplicate");
    }

    @Test
    void the_gs1_example_that_names_a_key_twice_is_refused() throws Exception {
        try (var in = java.nio.file.Files.newInputStream(org.reetrace.epcis.Gs1Examples.root()
                .resolve(org.reetrace.epcis.Gs1Examples.DUPLICATE_KEY_EXAMPLE));
             JsonDocumentReader r = JsonDocumentReader.open(in)) {
            assertThatThrownBy(() -> {
                while (r.hasNext()) {
                    r.next();
                }
            }).hasMessageContaining("Duplicate Object property \"eventID\"");
        }
    }

    @Test
    void an_xml_quantity_out_of_range_is_a_malformed_event() {
        String xml = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" "
                + "creationDate=\"2026-01-05T08:00:00Z\"><EPCISBody><EventList><ObjectEvent>"
                + "<eventTime>2026-01-05T08:00:00.000+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>"
                + "<epcList/><action>OBSERVE</action><quantityList><quantityElement>"
                + "<epcClass>urn:epc:class:lgtin:4023333.002000.1</epcClass><quantity>1e999999999</quantity>"
                + "<uom>KGM</uom></quantityElement></quantityList></ObjectEvent></EventList></EPCISBody>"
                + "</epcis:EPCISDocument>";
        try (XmlDocumentReader r = XmlDocumentReader.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.hasNext()).isTrue();
            assertThatThrownBy(r::next).isInstanceOf(MalformedEventException.class).hasMessageContaining("out of range");
        }
    }

    @Test
    void xml_1_1_is_refused_since_it_lets_references_name_control_characters() {
        String xml = "<?xml version=\"1.1\"?><epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" "
                + "schemaVersion=\"2.0\" creationDate=\"2026-01-05T08:00:00Z\"><EPCISBody><EventList/></EPCISBody>"
                + "</epcis:EPCISDocument>";
        assertThatThrownBy(() -> XmlDocumentReader.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("XML 1.1");
    }
}

package org.reetrace.epcis.xml;

import org.junit.jupiter.api.Test;
import org.reetrace.epcis.validation.ValidationProblem;
import org.reetrace.epcis.validation.XmlSchemaValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reetrace.epcis.Gs1Examples.bytes;
import static org.reetrace.epcis.Gs1Examples.readXml;

/** Entity tricks never reach a file, the network or memory: the document is refused. */
class HostileXmlTest {
    private static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE epcis:EPCISDocument [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-01-05T08:00:00Z">
              <EPCISBody><EventList><ObjectEvent>
                <eventTime>2026-01-05T08:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                <action>OBSERVE</action><bizStep>&secret;</bizStep>
              </ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-01-05T08:00:00Z">
              <EPCISBody><EventList><ObjectEvent>
                <eventTime>2026-01-05T08:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                <action>OBSERVE</action><bizStep>&lol9;</bizStep>
              </ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    @Test
    void the_reader_refuses_an_external_entity() {
        assertThatThrownBy(() -> readXml(bytes(XXE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document type declarations are not accepted");
    }

    @Test
    void the_reader_refuses_entity_expansion() {
        assertThatThrownBy(() -> readXml(bytes(BILLION_LAUGHS))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document type declarations are not accepted");
    }

    @Test
    void the_schema_check_refuses_both_as_document_problems() {
        XmlSchemaValidator validator = new XmlSchemaValidator();
        for (String hostile : new String[] {XXE, BILLION_LAUGHS}) {
            assertThat(validator.validate(bytes(hostile))).singleElement().satisfies(p -> {
                assertThat(p.eventIndex()).isEqualTo(ValidationProblem.DOCUMENT);
                assertThat(p.message()).contains("document type declarations are not accepted");
            });
        }
    }
}

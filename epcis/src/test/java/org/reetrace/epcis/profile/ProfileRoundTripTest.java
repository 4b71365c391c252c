package org.reetrace.epcis.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Reverse;
import org.reetrace.epcis.Gs1Examples;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.EventBuilder;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.ObjectEvent;
import org.reetrace.epcis.hash.EventHash;
import org.reetrace.epcis.validation.JsonSchemaValidator;
import org.reetrace.epcis.validation.XmlSchemaValidator;
import org.reetrace.epcis.xml.XmlDocumentWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.epcis.Gs1Examples.bytes;

/**
 * Every ledger event kind survives the trip through EPCIS in both bindings, and the example documents in
 * docs/epcis-examples are valid EPCIS that read to the events they claim to show.
 */
class ProfileRoundTripTest {
    private static final JsonSchemaValidator JSON = new JsonSchemaValidator();
    private static final XmlSchemaValidator XML = new XmlSchemaValidator();
    /** Set -Dreetrace.writeExamples=true to rewrite docs/epcis-examples from {@link ProfileExamples}. */
    private static final boolean WRITE = Boolean.getBoolean("reetrace.writeExamples");
    private static final Path EXAMPLES = Path.of("..", "docs", "epcis-examples");

    @Test
    void every_ledger_event_kind_reads_back_equal_from_json_ld_and_from_xml() {
        List<LedgerEvent> events = List.copyOf(ProfileExamples.all().values());
        String json = ProfileExamples.document(events, ProfileExamples.at("2026-04-01T00:00:00"));
        Gs1Examples.Read fromJson = Gs1Examples.readJson(bytes(json));
        String xml = XmlDocumentWriter.toXml(fromJson.header(), fromJson.events());

        assertThat(JSON.validate(bytes(json))).isEmpty();
        assertThat(XML.validate(bytes(xml))).isEmpty();
        assertThat(fromJson.events().stream().map(e -> ProfileReader.read(e, "unused")).toList())
                .isEqualTo(events.stream().map(ProfileReading.Profiled::new).toList());
        List<EpcisEvent> fromXml = Gs1Examples.readXml(bytes(xml)).events();
        assertThat(fromXml.stream().map(EventHash::of).toList())
                .isEqualTo(fromJson.events().stream().map(EventHash::of).toList());
        assertThat(fromXml.stream().map(e -> ProfileReader.read(e, "unused")).toList())
                .isEqualTo(events.stream().map(ProfileReading.Profiled::new).toList());
    }

    @Test
    void each_example_document_is_valid_epcis_and_shows_its_ledger_event() throws IOException {
        for (Map.Entry<String, LedgerEvent> example : ProfileExamples.all().entrySet()) {
            Path file = EXAMPLES.resolve(example.getKey() + ".jsonld");
            if (WRITE) {
                Files.writeString(file, ProfileExamples.document(List.of(example.getValue()),
                        ProfileExamples.at("2026-04-01T00:00:00")));
            }
            assertThat(JSON.validate(Gs1Examples.open(file))).as(file.toString()).isEmpty();
            List<EpcisEvent> read = Gs1Examples.readJson(Gs1Examples.open(file)).events();
            assertThat(read).hasSize(1);
            assertThat(ProfileReader.read(read.getFirst(), "unused")).as(file.toString())
                    .isEqualTo(new ProfileReading.Profiled(example.getValue()));
            assertThat(example.getValue().type()).isEqualTo(ProfileExamples.kindOf(example.getKey()));
        }
    }

    @Test
    void an_error_declaration_repeating_the_original_reverses_it_at_the_declaration_time() {
        LedgerEvent extract = ProfileExamples.all().get("extract");
        EventBuilder b = EventBuilder.of(ProfileWriter.write(extract, ProfileExamples.MYT));
        Instant declared = ProfileExamples.at("2026-03-04T10:00:00");
        b.errorDeclaration = new ErrorDeclaration(declared, Cbv.ERROR_REASON.canonical("incorrect_data"),
                List.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-0000000000c1"), List.of());
        EpcisEvent declaration = b.build("ObjectEvent");

        assertThat(ProfileReader.read(declaration, "unused")).isEqualTo(new ProfileReading.Profiled(new Reverse(
                EventId.of(extract.id().value() + "#reversal"), declared, extract.facility(), extract.id(),
                Cbv.ERROR_REASON.canonical("incorrect_data"))));
    }

    @Test
    void a_reversal_written_as_an_error_declaration_is_valid_epcis_and_reads_back_equal_in_both_bindings() {
        LedgerEvent transform = ProfileExamples.all().get("transform");
        Reverse reversal = new Reverse(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-0000000000r5"),
                ProfileExamples.at("2026-03-06T09:00:00"), transform.facility(), transform.id(),
                "residue weighed on the wrong scale");
        EpcisEvent declared = ProfileWriter.errorDeclaration(ProfileWriter.write(transform, ProfileExamples.MYT),
                reversal, List.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-0000000000c5"));
        String json = document(declared);
        Gs1Examples.Read fromJson = Gs1Examples.readJson(bytes(json));
        String xml = XmlDocumentWriter.toXml(fromJson.header(), fromJson.events());

        assertThat(JSON.validate(bytes(json))).isEmpty();
        assertThat(XML.validate(bytes(xml))).isEmpty();
        assertThat(fromJson.events().getFirst().eventID()).isEqualTo(transform.id().value());
        assertThat(ProfileReader.read(fromJson.events().getFirst(), "unused"))
                .isEqualTo(new ProfileReading.Profiled(reversal));
        assertThat(ProfileReader.read(Gs1Examples.readXml(bytes(xml)).events().getFirst(), "unused"))
                .isEqualTo(new ProfileReading.Profiled(reversal));
    }

    @Test
    void a_reversal_is_not_written_without_the_event_it_reverses() {
        Reverse reversal = new Reverse(EventId.of("r-1"), ProfileExamples.at("2026-03-06T09:00:00"),
                ProfileExamples.MINE, EventId.of("e-1"), "typo");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileWriter.write(reversal, ProfileExamples.MYT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorDeclaration");
    }

    private static String document(EpcisEvent event) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.reetrace.epcis.json.JsonDocumentWriter w = org.reetrace.epcis.json.JsonDocumentWriter.open(out,
                EpcisHeader.capture(ProfileExamples.at("2026-04-01T00:00:00"),
                        Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE)))) {
            w.write(event);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void an_event_without_the_ledger_marker_is_not_the_ledger_s_business() {
        EpcisEvent gs1 = Gs1Examples.readJson(Gs1Examples.open(Gs1Examples.path("json/Example_9.6.1-ObjectEvent.jsonld")))
                .events().getFirst();

        assertThat(ProfileReader.read(gs1, "x")).isInstanceOf(ProfileReading.NotProfiled.class);
    }

    @Test
    void a_mass_in_pounds_is_refused_at_the_quantity_s_unit() {
        EpcisEvent extract = ProfileWriter.write(ProfileExamples.all().get("extract"), ProfileExamples.MYT);
        ObjectEvent o = (ObjectEvent) extract;
        var pounds = new org.reetrace.epcis.document.QuantityElement(o.quantityList().getFirst().epcClass(),
                o.quantityList().getFirst().quantity(), "LBR");
        EpcisEvent changed = new ObjectEvent(o.eventTime(), o.recordTime(), o.eventTimeZoneOffset(), o.eventID(), null,
                null, o.epcList(), o.action(), o.bizStep(), o.disposition(), o.readPoint(), o.bizLocation(),
                o.bizTransactionList(), List.of(pounds), o.sourceList(), o.destinationList(), o.sensorElementList(),
                o.persistentDisposition(), o.ilmd(), o.extensions());

        assertThat(ProfileReader.read(changed, "x"))
                .isEqualTo(new ProfileReading.Invalid("/quantityList/0/uom", "a mass is in KGM (or TNE, GRM, MGM), not LBR"));
    }

    @Test
    void an_unknown_ledger_event_kind_is_refused_at_the_marker() {
        ObjectEvent o = (ObjectEvent) ProfileWriter.write(ProfileExamples.all().get("dispose"), ProfileExamples.MYT);
        EpcisEvent changed = new ObjectEvent(o.eventTime(), o.recordTime(), o.eventTimeZoneOffset(), o.eventID(), null,
                null, o.epcList(), o.action(), o.bizStep(), o.disposition(), o.readPoint(), o.bizLocation(),
                o.bizTransactionList(), o.quantityList(), o.sourceList(), o.destinationList(), o.sensorElementList(),
                o.persistentDisposition(), o.ilmd(),
                List.of(Extension.text(RareEarthProfile.NAMESPACE, "ledgerEvent", "SMELT")));

        assertThat(ProfileReader.read(changed, "x")).isInstanceOfSatisfying(ProfileReading.Invalid.class,
                invalid -> assertThat(invalid.field()).isEqualTo("/ree:ledgerEvent"));
    }

    @Test
    void an_event_without_event_id_takes_the_id_the_capture_assigns() {
        ObjectEvent o = (ObjectEvent) ProfileWriter.write(ProfileExamples.all().get("dispose"), ProfileExamples.MYT);
        EpcisEvent anonymous = ProfileWriter.recorded(o, null, null);

        assertThat(ProfileReader.read(anonymous, "urn:uuid:assigned")).isInstanceOfSatisfying(ProfileReading.Profiled.class,
                p -> assertThat(p.event().id().value()).isEqualTo("urn:uuid:assigned"));
    }

    @Test
    void the_facility_of_any_event_is_its_business_location_else_its_read_point() {
        EpcisEvent extract = ProfileWriter.write(ProfileExamples.all().get("extract"), ProfileExamples.MYT);

        assertThat(RareEarthProfile.facilityOf(extract)).contains(ProfileExamples.MINE);
        assertThat(RareEarthProfile.facilityOf(Gs1Examples.readJson(Gs1Examples.open(
                Gs1Examples.path("json/Example_9.6.1-ObjectEvent.jsonld"))).events().getFirst()))
                .hasValueSatisfying(f -> assertThat(f.value()).startsWith("urn:epc:id:sgln:"));
        assertThat(EpcisHeader.EPCIS_CONTEXT).isNotBlank();
    }
}

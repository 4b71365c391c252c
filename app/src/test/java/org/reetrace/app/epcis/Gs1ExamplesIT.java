package org.reetrace.app.epcis;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.hash.EventHash;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.profile.ProfileWriter;
import org.reetrace.epcis.profile.RareEarthProfile;
import org.reetrace.epcis.xml.XmlDocumentReader;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GS1 example document is captured and queried back, in JSON-LD and in XML, with the same events
 * (recordTime is the repository's, and events without eventID get their event hash as id, so an example's
 * event that another example captured before is that same event; nothing else may change, not one event
 * of one example), and an XML
 * document and its JSON twin are stored with the same event hashes.
 */
class Gs1ExamplesIT extends EpcisBase {
    static final String GS1_OPERATOR = "OP-EPCIS-GS1";

    @Autowired
    StoredRegistry registry;

    /** Events that came back different, collected so one run names them all. */
    private final List<String> differing = new ArrayList<>();

    @Test
    void every_gs1_json_example_is_captured_and_queried_back_alike_in_both_bindings() {
        for (String name : Gs1Corpus.jsonDocuments()) {
            roundTrip(name, Gs1Corpus.withFreshIds(Gs1Corpus.text(name)), "application/ld+json");
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void every_gs1_xml_example_is_captured_and_queried_back_alike_in_both_bindings() {
        for (String name : Gs1Corpus.xmlDocuments()) {
            roundTrip(name, Gs1Corpus.withFreshIds(Gs1Corpus.text(name)), "application/xml");
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void an_xml_document_and_its_json_twin_store_the_same_event_hashes() {
        // GS1 wrote the first event of example 9.6.1 in both bindings (the epcis module's TwinsTest)
        String json = Gs1Corpus.text("json/Example_9.6.1-ObjectEvent.jsonld");
        String xml = Gs1Corpus.text("xml/Example_9.6.1-ObjectEvent-2020_06_18a.xml");
        String token = gs1Operator(List.of(read(json, false).getFirst(), read(xml, true).getFirst()));

        List<String> fromJson = storedHashes(Gs1Corpus.withFreshIds(json), "application/ld+json", token).subList(0, 1);
        List<String> fromXml = storedHashes(Gs1Corpus.withFreshIds(xml), "application/xml", token).subList(0, 1);

        assertThat(fromXml).isEqualTo(fromJson);
        assertThat(fromJson.getFirst()).isEqualTo(EventHash.of(read(json, false).getFirst()));
    }

    private void roundTrip(String name, String document, String contentType) {
        List<EpcisEvent> sent = read(document, contentType.contains("xml"));
        String token = gs1Operator(sent);
        // asked by id, not by record time: an event without eventID is named by its hash, and one that an
        // earlier example captured is that event, recorded then
        List<String> ids = sent.stream().map(e -> e.eventID() == null ? EventHash.of(e) : e.eventID()).toList();
        Instant before = Instant.now().minusMillis(1);
        List<List<EpcisEvent>> answers = new ArrayList<>();
        String regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        for (boolean xml : new boolean[] {false, true}) {
            if (answers.isEmpty()) {
                JsonNodeJob job = new JsonNodeJob(jobOf(token, contentType, document, null));
                assertThat(job.node().path("success").asBoolean()).as(name + ": " + job.node()).isTrue();
            }
            String query = "/epcis/events?perPage=1000&EQ_eventID="
                    + URLEncoder.encode(String.join("|", new LinkedHashSet<>(ids)), StandardCharsets.UTF_8);
            Response r = send(request(query, regulator).setHeader("Accept", xml ? "application/xml" : "application/ld+json").GET());
            assertThat(r.status()).as(name).isEqualTo(200);
            answers.add(read(r.body(), xml));
        }
        for (List<EpcisEvent> answer : answers) {
            // an event and its error declaration may share an id; two events alike are one
            long distinct = java.util.stream.IntStream.range(0, sent.size())
                    .mapToObj(i -> ids.get(i) + (sent.get(i).errorDeclaration() != null)).distinct().count();
            assertThat(answer).as(name).hasSize((int) distinct);
            for (int i = 0; i < sent.size(); i++) {
                String id = ids.get(i);
                boolean declaration = sent.get(i).errorDeclaration() != null;
                EpcisEvent back = answer.stream().filter(e -> e.eventID().equals(id)
                        && (e.errorDeclaration() != null) == declaration).findFirst().orElseThrow();
                EpcisEvent expected = ProfileWriter.recorded(sent.get(i),
                        sent.get(i).eventID() == null ? back.eventID() : sent.get(i).eventID(), back.recordTime());
                // GS1's examples of one event written differently: the earlier capture's writing comes back
                boolean earlier = back.recordTime().isBefore(before);
                if (earlier ? !EventHash.of(back).equals(id) : !back.equals(expected)) {
                    differing.add(name + " event " + i);
                }
            }
        }
    }

    private record JsonNodeJob(tools.jackson.databind.JsonNode node) {
    }

    private List<String> storedHashes(String document, String contentType, String token) {
        Instant before = Instant.now().minusMillis(1);
        assertThat(jobOf(token, contentType, document, null).path("success").asBoolean()).isTrue();
        String regulator = tokenFor(Caller.of("agency", Role.REGULATOR));
        return read(get("/epcis/events?GE_recordTime=" + before, regulator).body(), false).stream()
                .map(EventHash::of).toList();
    }

    /** Registers every facility the events name under one operator and answers that operator's token. */
    private String gs1Operator(List<EpcisEvent> events) {
        String token = tokenFor(Caller.operator("gs1-examples", GS1_OPERATOR));
        registry.reload();
        for (EpcisEvent e : events) {
            RareEarthProfile.facilityOf(e).filter(f -> registry.facility(f).isEmpty()).ifPresent(f -> registry.add(
                    new Facility(f, OperatorId.of(GS1_OPERATOR), "GS1 example " + f, FacilityKind.WAREHOUSE,
                            CountryCode.of("MY"), null, Map.of()), "test"));
        }
        return token;
    }

    static List<EpcisEvent> read(String document, boolean xml) {
        List<EpcisEvent> events = new ArrayList<>();
        var in = new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
        if (xml) {
            try (XmlDocumentReader r = XmlDocumentReader.open(in)) {
                r.forEachRemaining(e -> events.add(e.event()));
            }
        } else {
            try (JsonDocumentReader r = JsonDocumentReader.open(in)) {
                r.forEachRemaining(e -> events.add(e.event()));
            }
        }
        return events;
    }
}

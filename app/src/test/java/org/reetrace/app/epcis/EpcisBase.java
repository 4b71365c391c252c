package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.reetrace.app.RunningAppIT;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.OperatorId;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the EPCIS integration tests: capture, wait for the job, remember Location and headers.
 * (The EPCIS interface against the running application and its PostgreSQL: the rare-earth example documents
 * (docs/epcis-examples) drive the ledger, bad documents and queries are refused with the GS1 problem types.)
 */
abstract class EpcisBase extends RunningAppIT {

    /** The operator of the EPCIS tests' facilities. */
    static final String OPERATOR = "OP-EPCIS-REE";

    @Autowired
    StoredRegistry registry;

    /** Registers a facility of {@link #OPERATOR} in Malaysia unless it is there already. */
    void facility(String id, FacilityKind kind, Map<ProcessKind, CountryCode> technology) {
        if (registry.facility(FacilityId.of(id)).isEmpty()) {
            registry.add(new Facility(FacilityId.of(id), OperatorId.of(OPERATOR), id, kind, CountryCode.of("MY"), null,
                    technology), "test");
        }
    }

    protected Response capture(String token, String contentType, String body, String behaviour) {
        HttpRequest.Builder r = request("/epcis/capture", token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (behaviour != null) {
            r.header("GS1-Capture-Error-Behaviour", behaviour);
        }
        return send(r);
    }

    String lastLocation;

    @Override
    protected Response send(HttpRequest.Builder request) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").ifPresent(l -> lastLocation = l);
            lastHeaders = response.headers();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("WWW-Authenticate"), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    java.net.http.HttpHeaders lastHeaders;

    JsonNode awaitJob(String token, String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = get(location, token).json();
            if (!job.path("running").asBoolean(true)) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("capture job " + location + " still running after 60 s");
    }

    protected JsonNode jobOf(String token, String contentType, String body, String behaviour) {
        Response accepted = capture(token, contentType, body, behaviour);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return awaitJob(token, lastLocation);
    }


    /** A document of {@code n} plain (non-profile) ObjectEvents at the facility, each with a fresh eventID. */
    static String plainDocument(String facilityUri, int n) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < n; i++) {
            events.append(i == 0 ? "" : ",").append(plainEvent(facilityUri, i));
        }
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-02T08:00:00Z",
                 "epcisBody": {"eventList": [""" + events + "]}}";
    }

    static String plainEvent(String facilityUri, int i) {
        return """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T08:%02d:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%s", "epcList": ["urn:epc:id:sgtin:9555000.012345.%d"], "action": "OBSERVE",
                 "bizStep": "inspecting", "bizLocation": {"id": "%s"}}""".formatted(i % 60,
                java.util.UUID.randomUUID(), i, facilityUri);
    }
}

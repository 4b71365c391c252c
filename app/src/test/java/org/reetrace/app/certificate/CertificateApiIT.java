package org.reetrace.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.verifier.credential.Check;
import org.reetrace.verifier.credential.CredentialVerifier;
import org.reetrace.verifier.credential.Fetcher;
import org.reetrace.verifier.credential.IssuerKeys;
import org.reetrace.verifier.credential.Jws;
import org.reetrace.verifier.credential.Verdict;
import tools.jackson.databind.JsonNode;

/**
 * Certificates over the API as a buyer meets them: issued by the lot's holder, read and checked with the verifier
 * module alone (the issuer's keys from its did:web document, the status list over HTTP), valid against the UNTP
 * schemas, refused for a lot the caller does not hold or a void lot, and revoked when an event behind them is reversed.
 */
class CertificateApiIT extends RunningAppIT {

    String p;
    String regulator;
    String miner;
    String rival;

    @BeforeEach
    void chain() {
        p = UUID.randomUUID().toString().substring(0, 8);
        regulator = tokenFor(Caller.of("regulator " + p, Role.REGULATOR));
        for (String op : List.of("MINE", "RIVAL")) {
            assertThat(postJson("/api/operators", regulator, """
                    {"id": "OP-%2$s-%1$s", "name": "%2$s %1$s", "country": "MY", "effective": "2025-01-01"}"""
                    .formatted(p, op)).status()).isEqualTo(201);
        }
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "MINE-%1$s", "operator": "OP-MINE-%1$s", "name": "Mine", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 4.55, "longitude": 101.08}, "processes": {"CONCENTRATION": "AU"},
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        miner = tokenFor(Caller.operator("miner " + p, "OP-MINE-" + p));
        rival = tokenFor(Caller.operator("rival " + p, "OP-RIVAL-" + p));
        assertThat(postJson("/api/events", miner, """
                {"id": "e1-%1$s", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "ORE-%1$s", "form": "ORE", "massKg": 1000, "compositionMg": {"Nd": 5000000, "Dy": 400000}}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/events", miner, """
                {"id": "e2-%1$s", "type": "TRANSFORM", "time": "2026-03-02T08:00:00Z", "facility": "MINE-%1$s",
                 "process": "CONCENTRATION", "inputs": [{"lot": "ORE-%1$s", "massKg": 400}],
                 "outputs": [{"lot": "CON-%1$s", "form": "CONCENTRATE", "massKg": 20,
                              "compositionMg": {"Nd": 1900000, "Dy": 150000}}]}""".formatted(p)).status())
                .isEqualTo(201);
    }

    Response issue(String lot, String token) {
        return postJson("/api/lots/" + lot + "/certificates", token, "");
    }

    CredentialVerifier verifier() {
        return new CredentialVerifier(Fetcher.http());
    }

    @Test
    void the_holder_issues_a_certificate_that_the_verifier_module_alone_finds_valid_online() {
        Response issued = issue("CON-" + p, miner);

        assertThat(issued.status()).isEqualTo(201);
        JsonNode body = issued.json();
        String jws = body.path("jws").asString();
        assertThat(body.path("url").asString()).isEqualTo("http://localhost:" + port + "/credentials/"
                + body.path("id").asString());
        Jws parsed = Jws.parse(jws);
        assertThat(parsed.header()).containsEntry("alg", "EdDSA").containsEntry("typ", "vc+jwt");
        assertThat((String) parsed.header().get("kid")).startsWith("did:web:localhost%3A" + port + "#ed25519-");

        Verdict verdict = verifier().verify(jws, CredentialVerifier.Options.usingNetwork());

        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.check(Check.Aspect.SIGNATURE).orElseThrow().result()).isEqualTo(Check.Result.PASSED);
        assertThat(verdict.check(Check.Aspect.ISSUER).orElseThrow().result()).isEqualTo(Check.Result.PASSED);
        assertThat(verdict.check(Check.Aspect.STATUS).orElseThrow().result()).isEqualTo(Check.Result.PASSED);
        assertThat(verdict.check(Check.Aspect.INCLUSION).orElseThrow().result()).as(verdict.report())
                .isEqualTo(Check.Result.PASSED);
        assertThat(verdict.complete()).isTrue();

        // offline with the DID document as a file: the signature holds, the status is said not to be checked
        String did = get("/.well-known/did.json", null).body();
        Verdict offline = verifier().verify(jws, CredentialVerifier.Options.withoutNetwork()
                .withKeys(IssuerKeys.didDocument(did, "did.json")));
        assertThat(offline.valid()).isTrue();
        assertThat(offline.complete()).isFalse();
        assertThat(offline.check(Check.Aspect.STATUS).orElseThrow().code()).isEqualTo("offline");
        assertThat(offline.check(Check.Aspect.INCLUSION).orElseThrow().result()).isEqualTo(Check.Result.PASSED);
    }

    @Test
    void the_inclusion_proof_is_of_the_lots_last_event_and_agrees_with_the_logs_checkpoint_of_its_size() {
        JsonNode issued = issue("CON-" + p, miner).json();
        JsonNode evidence = issued.path("credential").path("evidence").get(0);
        JsonNode events = issued.path("credential").path("credentialSubject").path("ledgerEvents");
        JsonNode last = events.get(events.size() - 1);

        assertThat(evidence.path("eventHash").asString()).isEqualTo(last.path("hash").asString());
        assertThat(evidence.path("leafIndex").asLong()).isEqualTo(last.path("sequence").asLong() - 1);
        String proof = evidence.path("proof").asString();
        assertThat(proof).startsWith("c2sp.org/tlog-proof@v1\n");
        // the checkpoint inside the proof, given back as one the buyer trusts: the very tree
        String checkpoint = proof.substring(proof.indexOf("\n\n") + 2);
        String did = get("/.well-known/did.json", null).body();
        Verdict verdict = verifier().verify(issued.path("jws").asString(), CredentialVerifier.Options.withoutNetwork()
                .withKeys(IssuerKeys.didDocument(did, "did.json")).withCheckpoint(checkpoint));
        assertThat(verdict.check(Check.Aspect.INCLUSION).orElseThrow().detail()).contains("the very tree");
        // and the log's latest checkpoint, of the same or a larger size, is accepted too
        String latest = send(request("/log/checkpoint", null).setHeader("Accept", "text/plain")).body();
        assertThat(verifier().verify(issued.path("jws").asString(), CredentialVerifier.Options.withoutNetwork()
                .withKeys(IssuerKeys.didDocument(did, "did.json")).withCheckpoint(latest)).valid()).isTrue();
    }

    @Test
    void the_certificate_states_origin_shares_stage_countries_and_rule_results_and_no_other_lot() {
        JsonNode credential = issue("CON-" + p, miner).json().path("credential");
        JsonNode subject = credential.path("credentialSubject");

        assertThat(subject.path("product").path("batchNumber").asString()).isEqualTo("CON-" + p);
        JsonNode nd = subject.path("elementProvenance").get(0);
        assertThat(nd.path("symbol").asString()).isEqualTo("Nd");
        assertThat(nd.path("origins").get(0).path("country").asString()).isEqualTo("MY");
        assertThat(nd.path("origins").get(0).path("sharePercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(nd.path("stages").toString()).contains("\"stage\":\"CONCENTRATION\"")
                .contains("\"technologyCountry\":\"AU\"");
        assertThat(subject.path("materialsProvenance").get(0).path("originCountry").asString()).isEqualTo("MY");
        // the concentrate's own event; the ore's extraction is in the trace served beside it
        assertThat(subject.path("ledgerEvents")).extracting(e -> e.path("eventId").asString())
                .containsExactly("e2-" + p);
        for (JsonNode claim : subject.path("conformityClaim")) {
            assertThat(claim.path("pack").asString()).isNotBlank();
            assertThat(claim.path("packVersion").asString()).isNotBlank();
            assertThat(claim.path("referenceRegulation").path("name").asString()).isNotBlank();
        }
        // the ore the concentrate came from is the miner's own, but the public sees no lot but the certified one
        assertThat(credential.toString()).doesNotContain("ORE-" + p).doesNotContain("e1-" + p);
        assertThat(credential.path("credentialStatus").get(0).path("type").asString())
                .isEqualTo("BitstringStatusListEntry");
    }

    @Test
    void anyone_reads_a_certificate_as_json_signed_as_a_page_with_its_qr_code_and_its_events() {
        JsonNode issued = issue("CON-" + p, regulator).json();
        String id = issued.path("id").asString();

        Response view = get("/credentials/" + id, null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("status").asString()).isEqualTo("VALID");
        assertThat(view.json().path("jws").asString()).isEqualTo(issued.path("jws").asString());
        Response signed = send(request("/credentials/" + id, null).setHeader("Accept", "application/vc+jwt"));
        assertThat(signed.contentType().orElseThrow()).startsWith("application/vc+jwt");
        assertThat(signed.body()).isEqualTo(issued.path("jws").asString());
        Response page = send(request("/credentials/" + id, null).setHeader("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("Certificate of origin").contains("CON-" + p);
        assertThat(send(request("/credentials/" + id + "/qr.svg", null).setHeader("Accept", "image/*")).body())
                .startsWith("<svg");
        Response events = get("/credentials/" + id + "/events", null);
        assertThat(events.json().path("credentialSubject").size()).isEqualTo(2);
        assertThat(events.body()).doesNotContain("ORE-" + p);

        Response unknown = get("/credentials/no-such-certificate", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void the_certificate_and_its_events_are_valid_untp_0_6_0() {
        JsonNode issued = issue("CON-" + p, miner).json();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(issued.path("jws").asString().split("\\.")[1]),
                StandardCharsets.UTF_8);
        JsonNode events = get("/credentials/" + issued.path("id").asString() + "/events", null).json();

        assertThat(errors("digitalProductPassport", JSON.readTree(payload))).isEmpty();
        assertThat(errors("digitalTraceabilityEvent", events)).isEmpty();
    }

    @Test
    void a_lot_the_caller_does_not_hold_a_void_lot_and_an_unknown_lot_get_problems() {
        Response notHeld = issue("CON-" + p, rival);
        assertThat(notHeld.status()).isEqualTo(403);
        assertThat(notHeld.isProblem()).isTrue();
        assertThat(issue("NO-SUCH-" + p, miner).status()).isEqualTo(404);
        assertThat(issue("CON-" + p, tokenFor(Caller.of("buyer " + p, Role.PUBLIC))).status()).isEqualTo(403);

        assertThat(postJson("/api/events", miner, reverse("e3-" + p, "e2-" + p)).status()).isEqualTo(201);
        Response voided = issue("CON-" + p, miner);
        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.json().path("type").asString()).endsWith("/lot-void");
    }

    @Test
    void reversing_an_event_behind_a_certificate_revokes_it_in_its_status_list() {
        JsonNode issued = issue("CON-" + p, miner).json();
        String id = issued.path("id").asString();
        String jws = issued.path("jws").asString();

        assertThat(postJson("/api/events", miner, reverse("e3-" + p, "e2-" + p)).status()).isEqualTo(201);

        JsonNode view = get("/credentials/" + id, null).json();
        assertThat(view.path("status").asString()).isEqualTo("REVOKED");
        assertThat(view.path("revocationReason").asString()).contains("e2-" + p).contains("booked in error");
        Verdict verdict = verifier().verify(jws, CredentialVerifier.Options.usingNetwork());
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.failedWith("revoked")).isTrue();
    }

    @Test
    void a_reversal_upstream_revokes_the_certificates_issued_before_it_downstream_and_none_issued_after() {
        String before = issue("CON-" + p, miner).json().path("id").asString();
        assertThat(postJson("/api/events", miner, """
                {"id": "e5-%1$s", "type": "ASSAY", "time": "2026-03-03T08:00:00Z", "facility": "MINE-%1$s",
                 "lot": "ORE-%1$s", "compositionMg": {"Nd": 3000000, "Dy": 250000}}""".formatted(p)).status())
                .isEqualTo(201);
        assertThat(postJson("/api/events", miner, reverse("e6-" + p, "e5-" + p)).status()).isEqualTo(201);
        String after = issue("CON-" + p, miner).json().path("id").asString();

        JsonNode revoked = get("/credentials/" + before, null).json();
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.path("revocationReason").asString()).contains("e5-" + p).contains("e6-" + p);
        assertThat(get("/credentials/" + after, null).json().path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void the_script_of_the_documentation_checks_a_certificate_with_openssl_alone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(available("python3", "--version") && available("openssl", "version"),
                "python3 and openssl are needed");
        JsonNode issued = issue("CON-" + p, miner).json();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("certificate-script");
        java.nio.file.Path cert = java.nio.file.Files.writeString(dir.resolve("c.vc.jwt"), issued.path("jws").asString());
        java.nio.file.Path did = java.nio.file.Files.writeString(dir.resolve("did.json"),
                get("/.well-known/did.json", null).body());
        String listUrl = issued.path("credential").path("credentialStatus").get(0).path("statusListCredential")
                .asString();
        java.nio.file.Path list = java.nio.file.Files.writeString(dir.resolve("status.jwt"),
                send(request(listUrl.replaceFirst("^http://localhost:[0-9]+", ""), null)
                        .setHeader("Accept", "application/vc+jwt")).body());

        Process run = new ProcessBuilder("python3", java.nio.file.Path.of("..", "docs", "certificates", "verify.py")
                .toString(), cert.toString(), did.toString(), list.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.waitFor()).as(out).isZero();
        assertThat(out).contains("signature  OK").contains("inclusion  OK").contains("not revoked").endsWith("VALID\n");
        // one changed byte, and the script says so
        String jws = issued.path("jws").asString();
        String[] parts = jws.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("CON-" + p, "CON-X" + p.substring(1));
        java.nio.file.Files.writeString(cert, parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        Process tampered = new ProcessBuilder("python3", java.nio.file.Path.of("..", "docs", "certificates", "verify.py")
                .toString(), cert.toString(), did.toString()).redirectErrorStream(true).start();
        String said = new String(tampered.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tampered.waitFor()).as(said).isEqualTo(1);
        assertThat(said).contains("signature  FAILED");
    }

    @Test
    void the_command_line_verifies_a_certificate_file_online_and_offline_and_names_a_change() throws Exception {
        JsonNode issued = issue("CON-" + p, miner).json();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("certificate-cli");
        java.nio.file.Path cert = java.nio.file.Files.writeString(dir.resolve("c.vc.jwt"), issued.path("jws").asString());
        java.nio.file.Path did = java.nio.file.Files.writeString(dir.resolve("did.json"),
                get("/.well-known/did.json", null).body());

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(org.reetrace.app.cli.CommandRun.reetrace(out, err, "certificate", "verify", cert.toString()))
                .as(out + " " + err).isZero();
        assertThat(out.toString()).contains("SIGNATURE  PASSED").contains("STATUS     PASSED")
                .contains("VALID: every check passed");

        out.getBuffer().setLength(0);
        assertThat(org.reetrace.app.cli.CommandRun.reetrace(out, err, "certificate", "verify", cert.toString(),
                "--did", did.toString(), "--offline")).isZero();
        assertThat(out.toString()).contains("VALID as far as checked; not checked: STATUS");

        String jws = issued.path("jws").asString();
        java.nio.file.Files.writeString(cert, jws.substring(0, 40) + (jws.charAt(40) == 'A' ? 'B' : 'A')
                + jws.substring(41));
        out.getBuffer().setLength(0);
        assertThat(org.reetrace.app.cli.CommandRun.reetrace(out, err, "certificate", "verify", cert.toString(),
                "--did", did.toString(), "--offline")).isEqualTo(1);
        assertThat(out.toString()).contains("NOT VALID");
    }

    static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    RevokeOnReversal revocations;

    @Test
    void a_reversal_whose_revocation_a_stop_cut_off_revokes_at_the_next_start() {
        String id = issue("CON-" + p, miner).json().path("id").asString();
        assertThat(postJson("/api/events", miner, reverse("e3-" + p, "e2-" + p)).status()).isEqualTo(201);
        // as if the server stopped between the reversal's commit and its listener
        jdbc.sql("update certificate set revoked_at = null, revoked_reason = null where id = :id").param("id", id).update();
        assertThat(get("/credentials/" + id, null).json().path("status").asString()).isEqualTo("VALID");

        revocations.catchUp();

        JsonNode view = get("/credentials/" + id, null).json();
        assertThat(view.path("status").asString()).isEqualTo("REVOKED");
        assertThat(view.path("revocationReason").asString()).contains("e2-" + p).contains("e3-" + p);
    }

    String reverse(String id, String original) {
        return """
                {"id": "%s", "type": "REVERSE", "time": "2026-03-05T08:00:00Z", "facility": "MINE-%s",
                 "original": "%s", "reason": "booked in error"}""".formatted(id, p, original);
    }

    static List<String> errors(String schema, JsonNode instance) {
        String id = "https://reetrace.test/untp/" + schema + ".json";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(id, resource("/untp/0.6.0/" + schema + ".json"))));
        Schema s = registry.getSchema(SchemaLocation.of(id));
        return s.validate(instance).stream().map(Error::toString).toList();
    }

    static String resource(String name) {
        try (InputStream in = CertificateApiIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

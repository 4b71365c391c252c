package org.reetrace.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.verifier.credential.Check.Aspect;
import org.reetrace.verifier.credential.Check.Result;
import org.reetrace.verifier.credential.CredentialVerifier.Options;

/** Each way a certificate can be wrong is named by the verdict, and none throws. */
class CredentialVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    final Issuer regulator = new Issuer("reetrace.example.gov.my");
    final String jws = regulator.sign(regulator.credential("2026-12-01T00:00:00Z", null, 17));

    Options offline() {
        return Options.withoutNetwork().at(NOW).withKeys(IssuerKeys.didDocument(regulator.didDocument(), "did.json"));
    }

    @Test
    void a_genuine_certificate_is_valid_and_offline_the_verdict_says_the_status_was_not_checked() {
        Verdict v = new CredentialVerifier(uri -> {
            throw new IOException("offline");
        }).verify(jws, offline());

        assertThat(v.valid()).isTrue();
        assertThat(v.complete()).isFalse();
        assertThat(v.check(Aspect.SIGNATURE).orElseThrow().result()).isEqualTo(Result.PASSED);
        assertThat(v.check(Aspect.ISSUER).orElseThrow().result()).isEqualTo(Result.PASSED);
        assertThat(v.check(Aspect.VALIDITY).orElseThrow().result()).isEqualTo(Result.PASSED);
        assertThat(v.check(Aspect.STATUS).orElseThrow()).extracting(Check::result, Check::code)
                .containsExactly(Result.NOT_CHECKED, "offline");
        assertThat(v.report()).contains("VALID as far as checked").contains("STATUS");
    }

    @Test
    void a_changed_byte_in_the_content_breaks_the_signature() {
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("MAG-1", "MAG-2");
        String tampered = parts[0] + "." + Issuer.B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        Verdict v = new CredentialVerifier().verify(tampered, offline());

        assertThat(v.valid()).isFalse();
        assertThat(v.failedWith("changed-content")).isTrue();
        assertThat(v.check(Aspect.SIGNATURE).orElseThrow().detail()).contains("changed after signing");
    }

    @Test
    void a_changed_byte_in_the_signature_is_found_too() {
        char last = jws.charAt(jws.length() - 5);
        String tampered = jws.substring(0, jws.length() - 5) + (last == 'A' ? 'B' : 'A') + jws.substring(jws.length() - 4);

        assertThat(new CredentialVerifier().verify(tampered, offline()).failedWith("changed-content")).isTrue();
    }

    @Test
    void a_certificate_signed_with_another_key_is_the_wrong_key_whether_pinned_or_published() {
        Issuer impostor = new Issuer("reetrace.example.gov.my");
        String forged = impostor.sign(impostor.credential("2026-12-01T00:00:00Z", null, 17));

        Verdict published = new CredentialVerifier().verify(forged, offline());
        assertThat(published.valid()).isFalse();
        assertThat(published.failedWith("wrong-key")).isTrue();

        String pem = Ed25519.toPem(regulator.pair.getPublic());
        Verdict pinned = new CredentialVerifier().verify(forged, Options.withoutNetwork().at(NOW)
                .withKeys(IssuerKeys.pinned(pem)));
        assertThat(pinned.failedWith("wrong-key")).isTrue();
        // and the genuine one passes with the pinned key, in each of the forms a key is given in
        String x = Issuer.B64.encodeToString(Ed25519.raw(regulator.pair.getPublic()));
        for (String key : new String[] {pem, x, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}",
                Ed25519.toMultibase(Ed25519.raw(regulator.pair.getPublic()))}) {
            assertThat(new CredentialVerifier().verify(jws, Options.withoutNetwork().at(NOW)
                    .withKeys(IssuerKeys.pinned(key))).valid()).as(key).isTrue();
        }
    }

    @Test
    void a_certificate_of_another_issuer_is_an_unknown_issuer() {
        Issuer other = new Issuer("registry.example.org");
        String foreign = other.sign(other.credential("2026-12-01T00:00:00Z", null, 17));

        Verdict v = new CredentialVerifier().verify(foreign, offline());

        assertThat(v.valid()).isFalse();
        assertThat(v.failedWith("unknown-issuer")).isTrue();
        assertThat(v.check(Aspect.ISSUER).orElseThrow().detail()).contains("did:web:registry.example.org");
    }

    @Test
    void an_issuer_that_cannot_be_resolved_online_is_unknown() {
        Verdict v = new CredentialVerifier(uri -> {
            throw new IOException("no such host " + uri.getHost());
        }).verify(jws, Options.usingNetwork().at(NOW));

        assertThat(v.failedWith("unknown-issuer")).isTrue();
        assertThat(v.valid()).isFalse();
    }

    @Test
    void online_the_did_web_document_and_the_status_list_are_fetched_and_a_revoked_certificate_says_so() {
        Map<URI, String> web = new HashMap<>();
        web.put(URI.create("https://reetrace.example.gov.my/.well-known/did.json"), regulator.didDocument());
        web.put(URI.create("https://reetrace.example.gov.my/credentials/status/1"), regulator.statusList(3, 99));
        CredentialVerifier online = new CredentialVerifier(uri -> {
            if (!web.containsKey(uri)) {
                throw new IOException(uri + " answered 404");
            }
            return web.get(uri);
        });

        Verdict good = online.verify(jws, Options.usingNetwork().at(NOW));
        assertThat(good.complete()).as(good.report()).isFalse(); // no inclusion proof in this one
        assertThat(good.valid()).as(good.report()).isTrue();
        assertThat(good.check(Aspect.STATUS).orElseThrow().result()).isEqualTo(Result.PASSED);

        web.put(URI.create("https://reetrace.example.gov.my/credentials/status/1"), regulator.statusList(17));
        Verdict revoked = online.verify(jws, Options.usingNetwork().at(NOW));
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.failedWith("revoked")).isTrue();
        assertThat(revoked.check(Aspect.STATUS).orElseThrow().detail()).contains("bit 17");
    }

    @Test
    void a_status_list_given_offline_is_used_and_must_be_signed_by_the_issuer() {
        Verdict revoked = new CredentialVerifier().verify(jws, offline().withStatusList(regulator.statusList(17)));
        assertThat(revoked.failedWith("revoked")).isTrue();

        Issuer other = new Issuer("reetrace.example.gov.my");
        Verdict forgedList = new CredentialVerifier().verify(jws, offline().withStatusList(other.statusList()));
        assertThat(forgedList.failedWith("status-list-signature")).isTrue();
    }

    @Test
    void expired_and_not_yet_valid_certificates_fail_their_validity() {
        String expired = regulator.sign(regulator.credential("2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z", 1));
        String early = regulator.sign(regulator.credential("2027-01-01T00:00:00Z", null, 1));

        assertThat(new CredentialVerifier().verify(expired, offline()).failedWith("expired")).isTrue();
        assertThat(new CredentialVerifier().verify(early, offline()).failedWith("not-yet-valid")).isTrue();
    }

    @Test
    void what_is_not_a_credential_is_malformed_never_an_exception() {
        for (String bad : new String[] {null, "", "a.b", "a.b.c", "e30.e30.", "!!!.???.###",
                regulator.sign("{\"alg\":\"RS256\",\"kid\":\"" + regulator.kid() + "\",\"typ\":\"vc+jwt\"}", "{}"),
                regulator.sign("{\"type\": [\"VerifiableCredential\"]}"),
                regulator.sign("[1, 2]"), regulator.sign("{\"a\": 1, \"a\": 2}")}) {
            Verdict v = new CredentialVerifier().verify(bad, offline());
            assertThat(v.valid()).as(bad).isFalse();
            assertThat(v.failedWith("malformed")).as(bad).isTrue();
        }
    }

    @Test
    void offline_without_a_key_the_verdict_lists_what_it_could_not_check() {
        Verdict v = new CredentialVerifier().verify(jws, Options.withoutNetwork().at(NOW));

        assertThat(v.valid()).isFalse();
        assertThat(v.failures()).isEmpty();
        assertThat(v.notChecked()).extracting(Check::aspect)
                .contains(Aspect.SIGNATURE, Aspect.ISSUER, Aspect.STATUS, Aspect.INCLUSION);
    }

    @Test
    void did_web_names_its_document_url() {
        assertThat(IssuerKeys.didWebUrl("did:web:reetrace.example.gov.my"))
                .hasToString("https://reetrace.example.gov.my/.well-known/did.json");
        assertThat(IssuerKeys.didWebUrl("did:web:localhost%3A8080"))
                .hasToString("http://localhost:8080/.well-known/did.json");
        assertThat(IssuerKeys.didWebUrl("did:web:example.org:regulators:my"))
                .hasToString("https://example.org/regulators/my/did.json");
    }

    @Test
    void a_multikey_round_trips_through_base58() {
        byte[] raw = Ed25519.raw(regulator.pair.getPublic());
        assertThat(Ed25519.toMultibase(raw)).startsWith("z6Mk");
        assertThat(Ed25519.fromMultibase(Ed25519.toMultibase(raw))).isEqualTo(raw);
    }
}

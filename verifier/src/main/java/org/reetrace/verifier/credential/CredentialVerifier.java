package org.reetrace.verifier.credential;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.verifier.credential.Check.Aspect;

/**
 * Checks a reetrace certificate, a W3C VC 2.0 secured as a compact JWS ({@code typ vc+jwt}, {@code alg EdDSA}), as a
 * buyer's system would, with no access to reetrace: the signature, that the key is one the issuer publishes (a key
 * pinned by the buyer, the issuer's {@code did:web} document given as a file, or fetched when online), the validity
 * period, the inclusion of the lot's last event in the regulator's transparency log, and the status list entry
 * (online, or a status list given). Every outcome is a {@link Verdict} naming what failed; nothing throws for bad input.
 */
public final class CredentialVerifier {

    /**
     * What the verifier may use.
     *
     * @param keys       the trusted keys; empty: the issuer's did:web document, fetched (online only)
     * @param checkpoint a checkpoint of the log the buyer trusts (signed note text), to compare the proof's tree with
     * @param statusList the status list credential (compact JWS), instead of fetching it
     * @param offline    fetch nothing
     * @param now        the time validity is judged at
     */
    public record Options(Optional<IssuerKeys> keys, Optional<String> checkpoint, Optional<String> statusList,
                          boolean offline, Instant now) {

        public static Options usingNetwork() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), false, Instant.now());
        }

        public static Options withoutNetwork() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), true, Instant.now());
        }

        public Options withKeys(IssuerKeys k) {
            return new Options(Optional.of(k), checkpoint, statusList, offline, now);
        }

        public Options withCheckpoint(String c) {
            return new Options(keys, Optional.of(c), statusList, offline, now);
        }

        public Options withStatusList(String s) {
            return new Options(keys, checkpoint, Optional.of(s), offline, now);
        }

        public Options at(Instant t) {
            return new Options(keys, checkpoint, statusList, offline, t);
        }
    }

    private final Fetcher fetcher;

    public CredentialVerifier() {
        this(Fetcher.http());
    }

    public CredentialVerifier(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    public Verdict verify(String compactJws, Options options) {
        List<Check> checks = new ArrayList<>();
        Jws jws;
        try {
            jws = Jws.parse(compactJws == null ? "" : compactJws);
        } catch (IllegalArgumentException e) {
            checks.add(Check.failed(Aspect.FORMAT, "malformed", e.getMessage()));
            return new Verdict(checks, Optional.empty());
        }
        Map<String, Object> vc = jws.payload();
        Optional<String> formatProblem = formatProblem(jws);
        if (formatProblem.isPresent()) {
            checks.add(Check.failed(Aspect.FORMAT, "malformed", formatProblem.get()));
            return new Verdict(checks, Optional.of(vc));
        }
        checks.add(Check.passed(Aspect.FORMAT, "a W3C VC 2.0 as a compact JWS (vc+jwt, EdDSA)"));
        String issuer = issuer(vc).orElseThrow();
        String kid = Json.string(jws.header(), "kid").orElseThrow();

        Optional<IssuerKeys> keys = options.keys();
        if (keys.isEmpty()) {
            if (options.offline()) {
                checks.add(Check.notChecked(Aspect.ISSUER, "no-key",
                        "offline and no key given: give the issuer's key or its DID document"));
                checks.add(Check.notChecked(Aspect.SIGNATURE, "no-key", "no key to check the signature with"));
                checks.add(validity(vc, options.now()));
                checks.add(Check.notChecked(Aspect.INCLUSION, "no-key", "no key to check the checkpoint with"));
                checks.add(Check.notChecked(Aspect.STATUS, "offline", "offline: the status list was not read"));
                return new Verdict(checks, Optional.of(vc));
            }
            try {
                URI url = IssuerKeys.didWebUrl(issuer);
                keys = Optional.of(IssuerKeys.didDocument(fetcher.get(url), url.toString()));
            } catch (IOException | IllegalArgumentException e) {
                checks.add(Check.failed(Aspect.ISSUER, "unknown-issuer",
                        "the issuer " + issuer + " could not be resolved: " + e.getMessage()));
                return new Verdict(checks, Optional.of(vc));
            }
        }
        IssuerKeys trusted = keys.get();
        checks.add(issuerCheck(issuer, kid, trusted));
        Optional<IssuerKeys.Key> key = trusted.named(kid);
        if (key.isEmpty() && trusted.issuer().isEmpty()) {
            // a pinned key with no name to match: the signature alone tells whether it is the key
            key = Optional.of(trusted.keys().getFirst());
        }
        if (key.isEmpty()) {
            checks.add(Check.failed(Aspect.SIGNATURE, "wrong-key", "signed with key " + kid + ", which is not among "
                    + trusted.source() + " (" + trusted.keys().size() + " keys)"));
        } else if (Ed25519.verify(key.get().key(), jws.signingInput(), jws.signature())) {
            checks.add(Check.passed(Aspect.SIGNATURE, "Ed25519 signature by " + kid + " (" + trusted.source() + ")"));
        } else if (trusted.issuer().isEmpty() && !key.get().named(kid)) {
            checks.add(Check.failed(Aspect.SIGNATURE, "wrong-key", "signed with key " + kid
                    + ", not with the pinned key " + key.get().keyId()));
        } else {
            checks.add(Check.failed(Aspect.SIGNATURE, "changed-content", "the signature by " + kid
                    + " does not match the credential: its header or content changed after signing"));
        }
        checks.add(validity(vc, options.now()));
        checks.add(LogInclusion.check(vc, trusted, options.checkpoint()));
        checks.add(status(vc, trusted, options));
        return new Verdict(checks, Optional.of(vc));
    }

    private static Optional<String> formatProblem(Jws jws) {
        if (!"EdDSA".equals(jws.header().get("alg"))) {
            return Optional.of("alg is " + jws.header().get("alg") + ", not EdDSA");
        }
        if (!"vc+jwt".equals(jws.header().get("typ"))) {
            return Optional.of("typ is " + jws.header().get("typ") + ", not vc+jwt");
        }
        if (Json.string(jws.header(), "kid").isEmpty()) {
            return Optional.of("the header names no key (kid)");
        }
        if (!Json.list(jws.payload(), "@context").contains("https://www.w3.org/ns/credentials/v2")) {
            return Optional.of("the payload is not a VC 2.0 (no https://www.w3.org/ns/credentials/v2 context)");
        }
        if (!Json.list(jws.payload(), "type").contains("VerifiableCredential")) {
            return Optional.of("the payload's type is not VerifiableCredential");
        }
        if (issuer(jws.payload()).isEmpty()) {
            return Optional.of("the credential names no issuer");
        }
        return Optional.empty();
    }

    static Optional<String> issuer(Map<String, Object> vc) {
        return Json.string(vc, "issuer").or(() -> Json.string(vc, "issuer", "id"));
    }

    private static Check issuerCheck(String issuer, String kid, IssuerKeys trusted) {
        if (trusted.issuer().isPresent() && !trusted.issuer().get().equals(issuer)) {
            return Check.failed(Aspect.ISSUER, "unknown-issuer", "the credential's issuer " + issuer
                    + " is not the trusted issuer " + trusted.issuer().get());
        }
        if (!kid.startsWith(issuer + "#")) {
            return Check.failed(Aspect.ISSUER, "wrong-key", "the key " + kid + " is not a key of the issuer " + issuer);
        }
        return trusted.issuer().isPresent()
                ? Check.passed(Aspect.ISSUER, issuer + ", keys from " + trusted.source())
                : Check.passed(Aspect.ISSUER, issuer + ", whose key the buyer pinned");
    }

    private static Check validity(Map<String, Object> vc, Instant now) {
        try {
            Optional<Instant> from = Json.string(vc, "validFrom").map(Instant::parse);
            Optional<Instant> until = Json.string(vc, "validUntil").map(Instant::parse);
            if (from.isPresent() && now.isBefore(from.get())) {
                return Check.failed(Aspect.VALIDITY, "not-yet-valid", "valid from " + from.get() + ", checked at " + now);
            }
            if (until.isPresent() && now.isAfter(until.get())) {
                return Check.failed(Aspect.VALIDITY, "expired", "valid until " + until.get() + ", checked at " + now);
            }
            return Check.passed(Aspect.VALIDITY, "valid from " + from.map(Instant::toString).orElse("any time")
                    + (until.map(u -> " until " + u).orElse("")) + " at " + now);
        } catch (DateTimeParseException e) {
            return Check.failed(Aspect.VALIDITY, "malformed", "validFrom or validUntil is no date-time: " + e.getParsedString());
        }
    }

    private Check status(Map<String, Object> vc, IssuerKeys trusted, Options options) {
        Optional<Object> entry = Json.list(vc, "credentialStatus").stream()
                .filter(s -> Json.string(s, "type").filter("BitstringStatusListEntry"::equals).isPresent()).findFirst();
        if (entry.isEmpty()) {
            return Check.notChecked(Aspect.STATUS, "no-status", "the credential has no Bitstring Status List entry");
        }
        Optional<String> listUrl = Json.string(entry.get(), "statusListCredential");
        Optional<Object> index = Json.at(entry.get(), "statusListIndex");
        String purpose = Json.string(entry.get(), "statusPurpose").orElse("revocation");
        if (listUrl.isEmpty() || index.isEmpty()) {
            return Check.failed(Aspect.STATUS, "malformed", "the status entry lacks statusListCredential or statusListIndex");
        }
        long i;
        try {
            i = index.get() instanceof BigDecimal n ? n.longValueExact() : Long.parseLong(index.get().toString());
        } catch (ArithmeticException | NumberFormatException e) {
            return Check.failed(Aspect.STATUS, "malformed", "statusListIndex is no integer: " + index.get());
        }
        String listJws;
        if (options.statusList().isPresent()) {
            listJws = options.statusList().get();
        } else if (options.offline()) {
            return Check.notChecked(Aspect.STATUS, "offline", "offline: the status list " + listUrl.get() + " was not read");
        } else {
            try {
                listJws = fetcher.get(URI.create(listUrl.get()));
            } catch (IOException | IllegalArgumentException e) {
                return Check.notChecked(Aspect.STATUS, "status-unreachable", "the status list " + listUrl.get()
                        + " could not be read: " + e.getMessage());
            }
        }
        Jws list;
        try {
            list = Jws.parse(listJws);
        } catch (IllegalArgumentException e) {
            return Check.failed(Aspect.STATUS, "malformed", "the status list: " + e.getMessage());
        }
        String kid = Json.string(list.header(), "kid").orElse("");
        Optional<IssuerKeys.Key> key = trusted.named(kid).or(() -> trusted.issuer().isEmpty()
                ? Optional.of(trusted.keys().getFirst()) : Optional.empty());
        if (key.isEmpty() || !Ed25519.verify(key.get().key(), list.signingInput(), list.signature())) {
            return Check.failed(Aspect.STATUS, "status-list-signature", "the status list is not signed by the issuer's key");
        }
        if (!Json.string(list.payload(), "id").filter(listUrl.get()::equals).isPresent()
                && !Json.string(list.payload(), "credentialSubject", "id").map(s -> s.startsWith(listUrl.get())).orElse(false)) {
            return Check.failed(Aspect.STATUS, "other-status-list", "the status list given is not " + listUrl.get());
        }
        try {
            StatusList bits = StatusList.decode(Json.string(list.payload(), "credentialSubject", "encodedList")
                    .orElseThrow(() -> new IllegalArgumentException("the status list has no encodedList")));
            if (bits.isSet(i)) {
                return Check.failed(Aspect.STATUS, purpose.equals("suspension") ? "suspended" : "revoked",
                        "bit " + i + " of " + listUrl.get() + " is set: the issuer " + (purpose.equals("suspension")
                                ? "suspended" : "revoked") + " this credential");
            }
            return Check.passed(Aspect.STATUS, "not " + (purpose.equals("suspension") ? "suspended" : "revoked")
                    + " (bit " + i + " of " + listUrl.get() + ")");
        } catch (IllegalArgumentException e) {
            return Check.failed(Aspect.STATUS, "malformed", "the status list: " + e.getMessage());
        }
    }
}

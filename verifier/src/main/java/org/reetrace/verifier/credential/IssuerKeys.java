package org.reetrace.verifier.credential;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a verifier trusts for an issuer: one pinned key (received out of band, e.g. printed on the regulator's
 * web site), or the verification methods of the issuer's {@code did:web} document, given as a file or fetched.
 */
public final class IssuerKeys {

    /** A trusted key and the verification method that names it ({@code did#fragment}); a pinned key has none. */
    public record Key(Optional<String> id, PublicKey key) {

        /** reetrace's name of the key: {@code ed25519-} and the first 8 bytes of SHA-256 of the raw key, in hex. */
        public String keyId() {
            return Ed25519.keyIdOf(Ed25519.raw(key));
        }

        /** Whether a JWS {@code kid} names this key: its method id, or for a pinned key a fragment of its key id. */
        boolean named(String kid) {
            return id.map(kid::equals).orElseGet(() -> kid.endsWith("#" + keyId()));
        }
    }

    private final Optional<String> issuer;
    private final List<Key> keys;
    private final String source;

    private IssuerKeys(Optional<String> issuer, List<Key> keys, String source) {
        this.issuer = issuer;
        this.keys = List.copyOf(keys);
        this.source = source;
    }

    /**
     * One key pinned by the buyer: a PEM {@code PUBLIC KEY}, a JWK ({@code {"kty":"OKP","crv":"Ed25519","x":...}}),
     * a multibase multikey ({@code z6Mk...}) or the 32 raw bytes in base64url.
     *
     * @throws IllegalArgumentException if it is none of these
     */
    public static IssuerKeys pinned(String text) {
        String t = text.strip();
        PublicKey key;
        if (t.startsWith("-----BEGIN")) {
            key = Ed25519.fromPem(t);
        } else if (t.startsWith("{")) {
            key = jwk(Json.object(t));
        } else if (t.startsWith("z6Mk") && t.length() == 48) {
            // a multikey; the 43 characters of a base64url key may start with z too
            key = Ed25519.publicKey(Ed25519.fromMultibase(t));
        } else {
            key = Ed25519.publicKey(Base64.getUrlDecoder().decode(t.replace('+', '-').replace('/', '_').replace("=", "")));
        }
        return new IssuerKeys(Optional.empty(), List.of(new Key(Optional.empty(), key)), "the pinned key");
    }

    /**
     * The verification methods of a DID document (JsonWebKey2020 with {@code publicKeyJwk}, or Multikey with
     * {@code publicKeyMultibase}) listed for {@code assertionMethod}.
     *
     * @param source where the document came from, for the verdict's words
     * @throws IllegalArgumentException if it is no DID document or has no Ed25519 key
     */
    public static IssuerKeys didDocument(String json, String source) {
        Map<String, Object> doc = Json.object(json);
        String did = Json.string(doc, "id").orElseThrow(() -> new IllegalArgumentException("a DID document has an id"));
        List<String> assertion = Json.list(doc, "assertionMethod").stream()
                .map(m -> m instanceof String s ? s : Json.string(m, "id").orElse("")).map(m -> absolute(did, m)).toList();
        List<Key> keys = new ArrayList<>();
        for (Object method : Json.list(doc, "verificationMethod")) {
            String id = absolute(did, Json.string(method, "id").orElse(""));
            if (!assertion.contains(id)) {
                continue;
            }
            Optional<Object> jwk = Json.at(method, "publicKeyJwk");
            Optional<String> multibase = Json.string(method, "publicKeyMultibase");
            if (jwk.isPresent()) {
                keys.add(new Key(Optional.of(id), jwk((Map<?, ?>) jwk.get())));
            } else if (multibase.isPresent()) {
                keys.add(new Key(Optional.of(id), Ed25519.publicKey(Ed25519.fromMultibase(multibase.get()))));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the DID document of " + did + " has no Ed25519 assertion key");
        }
        return new IssuerKeys(Optional.of(did), keys, source);
    }

    /** The URL of a {@code did:web} document (https; http only for localhost, as a test server is). */
    public static URI didWebUrl(String did) {
        if (!did.startsWith("did:web:")) {
            throw new IllegalArgumentException("not a did:web: " + did);
        }
        String[] parts = did.substring("did:web:".length()).split(":");
        String host = parts[0].replace("%3A", ":").replace("%3a", ":");
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("not a did:web host: " + parts[0]);
        }
        String path = parts.length == 1 ? "/.well-known" : "/" + String.join("/", List.of(parts).subList(1, parts.length));
        boolean local = host.startsWith("localhost") || host.startsWith("127.0.0.1") || host.startsWith("[::1]");
        return URI.create((local ? "http://" : "https://") + host + path + "/did.json");
    }

    /** The DID whose document gave these keys; empty for a pinned key. */
    public Optional<String> issuer() {
        return issuer;
    }

    public List<Key> keys() {
        return keys;
    }

    /** Where these keys come from, in words. */
    public String source() {
        return source;
    }

    /** The key a JWS {@code kid} names, if trusted. */
    public Optional<Key> named(String kid) {
        return keys.stream().filter(k -> k.named(kid)).findFirst();
    }

    private static String absolute(String did, String id) {
        return id.startsWith("#") ? did + id : id;
    }

    private static PublicKey jwk(Map<?, ?> jwk) {
        if (!"OKP".equals(jwk.get("kty")) || !"Ed25519".equals(jwk.get("crv")) || !(jwk.get("x") instanceof String x)) {
            throw new IllegalArgumentException("not an Ed25519 JWK (kty OKP, crv Ed25519, x)");
        }
        return Ed25519.publicKey(Base64.getUrlDecoder().decode(x));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package org.reetrace.epcis.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The part of a JSON-LD {@code @context} that EPCIS needs: compact IRI prefixes. The prefixes of the
 * EPCIS 2.0 context (epcis-context.jsonld) are known without fetching it; documents add their own
 * ({@code {"example": "http://ns.example.com/epcis/"}}). Other context features (term definitions with
 * {@code @id}, {@code @vocab}) are not interpreted: EPCIS documents do not use them for user fields.
 */
final class JsonLdContext {
    static final Map<String, String> EPCIS_PREFIXES = Map.of(
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/",
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "gs1", "https://gs1.org/voc/",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "dcterms", "http://purl.org/dc/terms/");

    private final Map<String, String> declared = new LinkedHashMap<>();
    private final List<String> urls = new java.util.ArrayList<>();

    /** Adds the entries of a {@code @context} value: a URL, an object of prefixes, or an array of both. */
    void add(JsonNode context) {
        if (context == null || context.isNull()) {
            return;
        }
        if (context.isArray()) {
            context.forEach(this::add);
        } else if (context.isString()) {
            urls.add(context.asString());
        } else if (context.isObject()) {
            for (Map.Entry<String, JsonNode> e : context.properties()) {
                JsonNode v = e.getValue();
                String iri = v.isString() ? v.asString() : v.path("@id").asString(null);
                if (iri != null) {
                    declared.put(e.getKey(), iri);
                }
            }
        }
    }

    JsonLdContext copy() {
        JsonLdContext c = new JsonLdContext();
        c.declared.putAll(declared);
        c.urls.addAll(urls);
        return c;
    }

    Map<String, String> declared() {
        return declared;
    }

    List<String> urls() {
        return urls;
    }

    String namespaceOf(String prefix) {
        String iri = declared.get(prefix);
        return iri != null ? iri : EPCIS_PREFIXES.get(prefix);
    }

    /**
     * Splits a user field's key into namespace and local name: a compact IRI {@code prefix:local} whose
     * prefix is declared, or an absolute IRI split after its last '/' or '#'. A key that is neither keeps
     * an empty namespace, so it still round-trips (and the schema check reports it).
     */
    String[] expand(String key) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            String ns = namespaceOf(key.substring(0, colon));
            if (ns != null) {
                return new String[] {ns, key.substring(colon + 1)};
            }
            if (key.startsWith("http://") || key.startsWith("https://") || key.startsWith("urn:")) {
                int cut = Math.max(key.lastIndexOf('/'), key.lastIndexOf('#')) + 1;
                if (key.startsWith("urn:")) {
                    cut = Math.max(cut, key.lastIndexOf(':') + 1);
                }
                return new String[] {key.substring(0, cut), key.substring(cut)};
            }
        }
        return new String[] {"", key};
    }

    /** Expands a value that may be a compact IRI with a known prefix; other values are returned as they are. */
    String expandValue(String value) {
        int colon = value.indexOf(':');
        if (colon > 0 && !value.startsWith("http") && !value.startsWith("urn:")) {
            String ns = namespaceOf(value.substring(0, colon));
            if (ns != null) {
                return ns + value.substring(colon + 1);
            }
        }
        return value;
    }
}

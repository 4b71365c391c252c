package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a document says besides its events, as far as a round trip needs it.
 *
 * @param contexts   the JSON-LD {@code @context} entries that are URLs (the EPCIS context and others)
 * @param namespaces prefix to namespace IRI, from {@code @context} objects in JSON-LD and from
 *                   {@code xmlns} declarations in XML, in declaration order
 * @param queryName  for a query document, the name of the query answered (null otherwise)
 * @param subscriptionID for a query document answering a subscription (null otherwise)
 */
public record EpcisHeader(DocumentType type, String schemaVersion, Instant creationDate, List<String> contexts,
                          Map<String, String> namespaces, String instanceIdentifier, String sender,
                          String receiver, String queryName, String subscriptionID) {

    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    public EpcisHeader {
        Objects.requireNonNull(type, "type");
        contexts = List.copyOf(contexts);
        namespaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    }

    /** A capture document header with the EPCIS context and the given namespaces. */
    public static EpcisHeader capture(Instant creationDate, Map<String, String> namespaces) {
        return new EpcisHeader(DocumentType.EPCISDocument, "2.0", creationDate, List.of(EPCIS_CONTEXT),
                namespaces, null, null, null, null, null);
    }
}

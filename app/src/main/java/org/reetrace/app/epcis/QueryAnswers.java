package org.reetrace.app.epcis;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.reetrace.epcis.document.DocumentType;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.profile.RareEarthProfile;
import org.reetrace.epcis.xml.XmlDocumentWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * EPCISQueryDocuments: the answer to a query (JSON-LD, or XML when the client prefers it, with the next page in a
 * {@code Link} header) and what a subscription sends (JSON-LD, naming its query and subscription).
 */
final class QueryAnswers {

    private QueryAnswers() {
    }

    /** JSON-LD unless the client prefers XML (an Accept naming application/xml or text/xml before any JSON). */
    static ResponseEntity<byte[]> document(HttpServletRequest request, List<EpcisEvent> events,
                                           QueryEvents.NextPage next, Instant now) {
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        int xmlAt = Math.max(accept.indexOf("application/xml"), accept.indexOf("text/xml"));
        int jsonAt = accept.indexOf("json");
        boolean xml = xmlAt >= 0 && (jsonAt < 0 || xmlAt < jsonAt);
        EpcisHeader header = header(now, "SimpleEventQuery", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        if (xml) {
            try (XmlDocumentWriter w = XmlDocumentWriter.open(out, header)) {
                events.forEach(w::write);
            }
            type = MediaType.APPLICATION_XML;
        } else {
            try (JsonDocumentWriter w = JsonDocumentWriter.open(out, header)) {
                events.forEach(w::write);
            }
            type = accept.contains("application/ld+json") ? MediaType.parseMediaType("application/ld+json")
                    : MediaType.APPLICATION_JSON;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type)
                .header(Discovery.GS1_EXTENSIONS, Discovery.EXTENSIONS);
        if (next != null) {
            response.header(HttpHeaders.LINK, nextLink(request, next.token()))
                    .header("GS1-Next-Page-Token-Expires", next.expires().toString());
        }
        return response.body(out.toByteArray());
    }

    /** What a subscription sends: the events in JSON-LD, the document naming the query and the subscription. */
    static byte[] json(List<EpcisEvent> events, Instant now, String queryName, String subscriptionId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonDocumentWriter w = JsonDocumentWriter.open(out, header(now, queryName, subscriptionId))) {
            events.forEach(w::write);
        }
        return out.toByteArray();
    }

    private static EpcisHeader header(Instant now, String queryName, String subscriptionId) {
        return new EpcisHeader(DocumentType.EPCISQueryDocument, "2.0", now, List.of(EpcisHeader.EPCIS_CONTEXT),
                // the profile's prefix, so that its fields read ree:... as in the documents captured
                Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE), null, null, null, queryName,
                subscriptionId);
    }

    /** The {@code Link} to the next page: this request's parameters with the next page's token. */
    static String nextLink(HttpServletRequest request, String token) {
        StringBuilder link = new StringBuilder(request.getRequestURI()).append('?');
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("nextPageToken")) {
                for (String v : values) {
                    link.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        link.append("nextPageToken=").append(token);
        return "<" + link + ">; rel=\"next\"";
    }
}

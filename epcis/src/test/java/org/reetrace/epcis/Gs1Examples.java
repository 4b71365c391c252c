package org.reetrace.epcis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.json.JsonDocumentReader;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.xml.XmlDocumentReader;
import org.reetrace.epcis.xml.XmlDocumentWriter;

/** The GS1 example corpus under src/test/resources/gs1-examples and small read/write helpers. */
public final class Gs1Examples {
    private static final java.util.regex.Pattern EVENT_END_TAG =
            java.util.regex.Pattern.compile("</(Object|Aggregation|Transaction|Transformation|Association)Event>");

    private Gs1Examples() {
    }

    public static Path root() {
        try {
            return Path.of(Gs1Examples.class.getResource("/gs1-examples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Every JSON-LD example that is an EPCIS (query) document. */
    public static Stream<Path> jsonDocuments() throws IOException {
        // Only json/: xml/WithEventHashID also holds a JSON twin for the hash test, written with CBV URNs
        // that GS1's own JSON schema refuses.
        return Files.walk(root().resolve("json"))
                .filter(p -> p.toString().endsWith(".jsonld") || p.toString().endsWith(".json"))
                .filter(p -> !p.endsWith(DUPLICATE_KEY_EXAMPLE)).sorted();
    }

    /**
     * GS1's one example that names a key twice (eventID in an AssociationEvent). RFC 8259 says names SHOULD be
     * unique; the reader refuses duplicates rather than let the last win, so this example is refused
     * (MalformedProfileFieldsTest) and kept out of the corpus of documents that must be read.
     */
    public static final String DUPLICATE_KEY_EXAMPLE = "json/AssociationEvent/AssociationEvent-h.jsonld";

    /** Every XML example whose root is an EPCIS capture or query document (not capture jobs or master data). */
    public static Stream<Path> xmlDocuments() throws IOException {
        return Files.walk(root()).filter(p -> p.toString().endsWith(".xml"))
                .filter(p -> text(p).contains(":EPCISDocument") && EVENT_END_TAG.matcher(text(p)).find())
                .sorted();
    }

    public static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    public record Read(EpcisHeader header, List<EpcisEvent> events) {
    }

    public static Read readJson(InputStream in) {
        try (JsonDocumentReader r = JsonDocumentReader.open(in)) {
            List<EpcisEvent> events = new ArrayList<>();
            r.forEachRemaining(e -> events.add(e.event()));
            return new Read(r.header(), events);
        }
    }

    public static Read readXml(InputStream in) {
        try (XmlDocumentReader r = XmlDocumentReader.open(in)) {
            List<EpcisEvent> events = new ArrayList<>();
            r.forEachRemaining(e -> events.add(e.event()));
            return new Read(r.header(), events);
        }
    }

    public static String writeJson(Read doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonDocumentWriter w = JsonDocumentWriter.open(out, doc.header())) {
            doc.events().forEach(w::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String writeXml(Read doc) {
        return XmlDocumentWriter.toXml(doc.header(), doc.events());
    }
}

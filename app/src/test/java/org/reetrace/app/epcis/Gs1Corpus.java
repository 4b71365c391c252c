package org.reetrace.app.epcis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GS1's EPCIS 2.0 example documents, read where the epcis module keeps them (epcis/src/test/resources/
 * gs1-examples, copied unchanged from gs1/EPCIS; provenance and licence beside them), so there is one copy.
 */
final class Gs1Corpus {
    static final Path ROOT = Path.of("..", "epcis", "src", "test", "resources", "gs1-examples");
    private static final Pattern JSON_ID = Pattern.compile("(\"eventID\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern XML_ID = Pattern.compile("(<eventID>)[^<]*(</eventID>)");
    private static final Pattern EVENT_END_TAG =
            Pattern.compile("</(Object|Aggregation|Transaction|Transformation|Association)Event>");

    private Gs1Corpus() {
    }

    static String text(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GS1's example that names a key twice (eventID): refused since duplicate keys are (RFC 8259 says SHOULD NOT). */
    static final String DUPLICATE_KEY_EXAMPLE = "json/AssociationEvent/AssociationEvent-h.jsonld";

    static List<String> jsonDocuments() {
        return walk("json").filter(p -> p.endsWith(".jsonld")).filter(p -> !p.equals(DUPLICATE_KEY_EXAMPLE)).toList();
    }

    /** XML documents whose root is an EPCIS document with events (not capture jobs, not master data). */
    static List<String> xmlDocuments() {
        return walk("xml").filter(p -> p.endsWith(".xml"))
                .filter(p -> text(p).contains(":EPCISDocument") && EVENT_END_TAG.matcher(text(p)).find()).toList();
    }

    private static Stream<String> walk(String dir) {
        try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
            return s.map(p -> ROOT.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document with every eventID replaced by a new one. GS1's files reuse eventIDs across examples (for
     * different events), and all tests share one database, where an eventID names one event for ever.
     */
    static String withFreshIds(String document) {
        Pattern p = document.trim().startsWith("<") ? XML_ID : JSON_ID;
        Matcher m = p.matcher(document);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "$1urn:uuid:" + UUID.randomUUID() + "$2");
        }
        m.appendTail(out);
        return out.toString();
    }
}

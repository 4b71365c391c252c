package org.reetrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reetrace.epcis.Gs1Examples;
import org.reetrace.epcis.document.EpcisEvent;

/**
 * Event hashes against the published test vectors of GS1's reference event-hash generator
 * (src/test/resources/gs1-hash-vectors, MIT licence): for every JSON-LD and XML document there, the hash of
 * each event, in document order, must be the one the reference lists, so that a partner's duplicate check by
 * hash agrees with reetrace's.
 *
 * <p>Two kinds of vector are left out, each for a stated reason (see {@link #DIFFERENT}); every other event of the
 * set must agree.
 */
class ReferenceHashVectorsTest {

    private static final String IGNORE_FIELDS = "the reference's own 'ignoreFields' header, which EPCIS 2.0 does not"
            + " define, leaves out fields a repository lists there";

    /** Vectors of behaviour outside EPCIS 2.0 and CBV 2.0, by document (or document#event), with the reason. */
    private static final java.util.Map<String, String> DIFFERENT = java.util.Map.of(
            "epcisDocHavingEventWithIgnoreFields.jsonld", IGNORE_FIELDS,
            "epcisQueryDocHavingEventWithIgnoreFields.jsonld", IGNORE_FIELDS,
            "epcisXmlDocHavingEventWithIgnoreFields.xml", IGNORE_FIELDS,
            "epcisXmlQueryDocHavingEventWithIgnoreFields.xml", IGNORE_FIELDS,
            "SensorDataExamples.xml#8", "bizRules written on a sensorReport, which the EPCIS 2.0 schema does not allow"
                    + " (capture refuses such a document); the reference hashes the misplaced attribute as a leftover");

    static Stream<Path> documents() throws IOException, URISyntaxException {
        Path folder = Path.of(ReferenceHashVectorsTest.class.getResource("/gs1-hash-vectors").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".jsonld"))
                    .filter(f -> Files.exists(sibling(f, ".hashes")))
                    .sorted().toList().stream();
        }
    }

    private static Path sibling(Path document, String extension) {
        String name = document.getFileName().toString();
        return document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    private static String hashOf(String preHash) {
        try {
            return "ni:///sha-256;" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(preHash.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "?ver=CBV2.0";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void every_event_hashes_as_the_reference_does(Path document) throws IOException {
        List<EpcisEvent> events;
        try (InputStream in = Files.newInputStream(document)) {
            events = document.toString().endsWith(".xml") ? Gs1Examples.readXml(in).events()
                    : Gs1Examples.readJson(in).events();
        }
        List<String> expected = Files.readAllLines(sibling(document, ".hashes")).stream()
                .filter(line -> !line.isBlank()).toList();
        Path prehashes = sibling(document, ".prehashes");
        List<String> expectedPrehashes = Files.exists(prehashes)
                ? Files.readAllLines(prehashes).stream().filter(line -> !line.isBlank()).toList() : List.of();

        for (int i = 0; i < Math.max(events.size(), expected.size()); i++) {
            String where = document.getFileName() + " event " + (i + 1);
            if (DIFFERENT.containsKey(document.getFileName().toString())
                    || DIFFERENT.containsKey(document.getFileName() + "#" + (i + 1))) {
                continue;
            }
            assertThat(i).as(where + ": the reference lists " + expected.size() + " events, reetrace read "
                    + events.size()).isLessThan(Math.min(events.size(), expected.size()));
            // a few published pre-hash strings are garbled or cut short and do not hash to the published hash,
            // which is the reference's real answer: those are compared by hash only
            if (i < expectedPrehashes.size() && hashOf(expectedPrehashes.get(i)).equals(expected.get(i))) {
                assertThat(EventHash.preHashString(events.get(i))).as(where).isEqualTo(expectedPrehashes.get(i));
            }
            assertThat(EventHash.of(events.get(i))).as(where).isEqualTo(expected.get(i));
        }
    }
}

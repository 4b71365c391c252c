package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The published proof vectors (see resources .../merkle/README.md): every probe verifies or fails as it must. Sizes
 * and indexes are unsigned 64-bit there; beyond Java's long they read as negative, which fails as it must.
 */
class MerkleVectorsTest {

    private static final Pattern MEMBER = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(\\[[^\\]]*\\]|null|\"[^\"]*\"|-?\\d+|true|false)");

    @TestFactory
    Stream<DynamicTest> inclusion() throws Exception {
        return probes("inclusion").map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Map<String, String> v = p.values();
            Verdict verdict = MerkleProofs.verifyInclusion(Long.parseUnsignedLong(v.get("leafIdx")),
                    Long.parseUnsignedLong(v.get("treeSize")), bytes(v.get("leafHash")), hashes(v.get("proof")),
                    bytes(v.get("root")));
            assertThat(verdict.holds()).as(p.name() + ": " + verdict).isEqualTo(!Boolean.parseBoolean(v.get("wantErr")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistency() throws Exception {
        return probes("consistency").map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Map<String, String> v = p.values();
            Verdict verdict = MerkleProofs.verifyConsistency(Long.parseUnsignedLong(v.get("size1")),
                    Long.parseUnsignedLong(v.get("size2")), hashes(v.get("proof")), bytes(v.get("root1")),
                    bytes(v.get("root2")));
            assertThat(verdict.holds()).as(p.name() + ": " + verdict).isEqualTo(!Boolean.parseBoolean(v.get("wantErr")));
        }));
    }

    private record Probe(String name, Map<String, String> values) {
    }

    private static Stream<Probe> probes(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(MerkleVectorsTest.class.getResource("merkle/" + kind).toURI());
        List<Probe> probes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Map<String, String> values = new HashMap<>();
                Matcher m = MEMBER.matcher(Files.readString(file));
                while (m.find()) {
                    values.put(m.group(1), m.group(2));
                }
                probes.add(new Probe(root.relativize(file).toString(), values));
            }
        }
        assertThat(probes).hasSizeGreaterThan(50);
        return probes.stream();
    }

    private static byte[] bytes(String json) {
        return json == null || json.equals("null") ? null
                : Base64.getDecoder().decode(json.substring(1, json.length() - 1));
    }

    private static List<byte[]> hashes(String json) {
        List<byte[]> hashes = new ArrayList<>();
        if (json == null || json.equals("null")) {
            return hashes;
        }
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            hashes.add(Base64.getDecoder().decode(m.group(1)));
        }
        return hashes;
    }
}

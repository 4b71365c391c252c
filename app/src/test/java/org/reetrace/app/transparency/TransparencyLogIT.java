package org.reetrace.app.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.MerkleProofs;
import org.reetrace.verifier.tlog.TilePath;
import org.reetrace.verifier.tlog.TlogProof;
import org.reetrace.verifier.tlog.VerifierKey;

import tools.jackson.databind.JsonNode;

/**
 * Events booked through the API are in the public log: what a buyer fetches over HTTP without a token (the checkpoint,
 * the tiles, the entry bundles, a proof, the keys) is checked with the verifier module alone.
 */
class TransparencyLogIT extends RunningAppIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Fetched(int status, String contentType, String cacheControl, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Fetched fetch(String path, String accept) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Books {@code count} extractions at a mine of its own; answers their ids and ledger hashes. */
    private List<String[]> book(int count) {
        String p = UUID.randomUUID().toString().substring(0, 8);
        String regulator = tokenFor(Caller.of("regulator " + p, Role.REGULATOR));
        assertThat(postJson("/api/operators", regulator, """
                {"id": "OP-LOG-%1$s", "name": "Mine %1$s", "country": "MY", "effective": "2025-01-01"}"""
                .formatted(p)).status()).isEqualTo(201);
        assertThat(postJson("/api/facilities", regulator, """
                {"id": "LOG-%1$s", "operator": "OP-LOG-%1$s", "name": "Mine", "kind": "MINE", "country": "MY",
                 "location": {"latitude": 4.55, "longitude": 101.08}, "processes": {"CONCENTRATION": "MY"},
                 "effective": "2025-01-01"}""".formatted(p)).status()).isEqualTo(201);
        String miner = tokenFor(Caller.operator("miner " + p, "OP-LOG-" + p));
        StringBuilder batch = new StringBuilder("{\"events\": [");
        for (int i = 0; i < count; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"id": "log-%1$s-%2$d", "type": "EXTRACT", "time": "2026-03-01T08:00:00Z", "facility": "LOG-%1$s",
                     "lot": "LOG-ORE-%1$s-%2$d", "form": "ORE", "massKg": 10, "oxidePercent": {"Nd": 1.0}}"""
                    .formatted(p, i));
        }
        Response booked = postJson("/api/events/batch", miner, batch.append("]}").toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        List<String[]> events = new ArrayList<>();
        for (JsonNode e : booked.json().path("booked")) {
            events.add(new String[] {e.path("eventId").asString(), e.path("hash").asString()});
        }
        assertThat(events).hasSize(count);
        return events;
    }

    @Test
    void a_buyer_checks_the_checkpoint_the_tiles_and_a_proof_with_the_verifier_alone() {
        List<String[]> first = book(40);
        String regulator = tokenFor(Caller.of("regulator", Role.REGULATOR));
        Response earlier = post("/api/log/checkpoints", regulator, "application/json", "");
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
        long earlierSize = earlier.json().path("size").asLong();
        String earlierRoot = earlier.json().path("rootHash").asString();
        List<String[]> events = book(300);
        assertThat(post("/api/log/checkpoints", regulator, "application/json", "").status()).isEqualTo(200);

        // the keys and the checkpoint, from the public paths
        Fetched keys = fetch("/log/key", "text/plain");
        assertThat(keys.status()).isEqualTo(200);
        List<VerifierKey> vkeys = keys.text().lines().map(k -> VerifierKey.parse(k).get()).toList();
        String origin = vkeys.getFirst().name();
        Fetched note = fetch("/log/checkpoint", "*/*");
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("text/plain");
        Checkpoint checkpoint = Checkpoint.open(note.text(), origin, vkeys).get();
        long size = checkpoint.size();
        assertThat(size).isGreaterThanOrEqualTo(earlierSize + 300);

        // every entry from the bundles, and the root they give is the checkpoint's
        List<byte[]> leaves = new ArrayList<>();
        for (long n = 0; n * 256 < size; n++) {
            int width = (int) Math.min(256, size - n * 256);
            Fetched bundle = fetch("/log/" + new TilePath(TilePath.ENTRIES, n, width).path(), "*/*");
            assertThat(bundle.status()).isEqualTo(200);
            ByteBuffer entries = ByteBuffer.wrap(bundle.body());
            while (entries.hasRemaining()) {
                byte[] entry = new byte[entries.getShort() & 0xffff];
                entries.get(entry);
                leaves.add(Hashes.leaf(entry));
            }
        }
        assertThat(leaves).hasSize((int) size);
        assertThat(Hashes.root(leaves)).isEqualTo(checkpoint.root());

        // the level-0 tiles hold those leaves; a level-1 hash is its full tile's root
        Fetched tile = fetch("/log/" + new TilePath(0, 0, 256).path(), "*/*");
        assertThat(tile.status()).isEqualTo(200);
        assertThat(tile.contentType()).isEqualTo("application/octet-stream");
        assertThat(tile.cacheControl()).contains("immutable");
        for (int i = 0; i < 256; i++) {
            assertThat(java.util.Arrays.copyOfRange(tile.body(), i * 32, i * 32 + 32)).isEqualTo(leaves.get(i));
        }
        Fetched upper = fetch("/log/" + new TilePath(1, 0, (int) Math.min(255, size / 256)).path(), "*/*");
        assertThat(upper.status()).isEqualTo(200);
        assertThat(java.util.Arrays.copyOf(upper.body(), 32)).isEqualTo(Hashes.perfectRoot(tile.body(), 0, 256));

        // an event's proof, as JSON and as tlog-proof text, verified offline
        String[] event = events.get(123);
        byte[] leaf = Hashes.leaf(HexFormat.of().parseHex(event[1]));
        Response proof = get("/log/proof?event=" + event[0], null);
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(proof.json().path("entry").asString()).isEqualTo(event[1]);
        assertThat(TlogProof.verify(proof.json().path("tlogProof").asString(), leaf, origin, vkeys).holds()).isTrue();
        Fetched text = fetch("/log/proof.tlog-proof?event=" + event[0], "text/plain");
        assertThat(text.status()).isEqualTo(200);
        assertThat(TlogProof.verify(text.text(), leaf, origin, vkeys).holds()).isTrue();
        long index = proof.json().path("index").asLong();
        Response byIndex = get("/log/proof?index=" + index + "&size=" + size, null);
        assertThat(byIndex.json().path("eventId").asString()).isEqualTo(event[0]);
        // another event's leaf does not verify under this proof
        byte[] other = Hashes.leaf(HexFormat.of().parseHex(events.get(124)[1]));
        assertThat(TlogProof.verify(text.text(), other, origin, vkeys).holds()).isFalse();

        // the log only grew since the earlier checkpoint
        Response consistency = get("/log/consistency?from=" + earlierSize + "&to=" + size, null);
        assertThat(consistency.status()).isEqualTo(200);
        List<byte[]> path = new ArrayList<>();
        consistency.json().path("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
        assertThat(MerkleProofs.verifyConsistency(earlierSize, size, path, Base64.getDecoder().decode(earlierRoot),
                checkpoint.root()).holds()).isTrue();
        assertThat(first).isNotEmpty();
    }

    @Test
    void bad_requests_to_the_log_are_problems() {
        book(3);
        assertThat(fetch("/log/tile/0/1", "*/*").status()).isEqualTo(400);
        assertThat(fetch("/log/tile/0/x999/999", "*/*").status()).isEqualTo(404);
        assertThat(fetch("/log/tile/9/000", "*/*").status()).isEqualTo(404);
        assertThat(fetch("/log/tile/63/000.p/1", "*/*").status()).isEqualTo(404);
        assertThat(get("/log/proof", null).status()).isEqualTo(400);
        assertThat(get("/log/proof?index=-1", null).status()).isEqualTo(400);
        assertThat(get("/log/proof?index=abc", null).status()).isEqualTo(400);
        assertThat(get("/log/proof?event=no-such-event", null).status()).isEqualTo(404);
        assertThat(get("/log/proof?index=0&size=0", null).status()).isEqualTo(400);
        assertThat(get("/log/consistency?from=0&to=1", null).status()).isEqualTo(400);
        assertThat(get("/log/consistency?from=2&to=1", null).status()).isEqualTo(400);
        assertThat(get("/log/consistency?from=1&to=999999999999", null).status()).isEqualTo(400);
        Response problem = get("/log/consistency?from=x&to=1", null);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(post("/api/log/checkpoints", tokenFor(Caller.of("auditor", Role.AUDITOR)), "application/json", "")
                .status()).isEqualTo(403);
    }
}

package org.reetrace.bench.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reetrace.app.signing.SigningKey;
import org.reetrace.app.signing.SigningKeys;
import org.reetrace.verifier.tlog.TileEdge;
import org.reetrace.verifier.tlog.TiledTree;
import org.reetrace.verifier.tlog.Checkpoint;
import org.reetrace.verifier.tlog.Hashes;
import org.reetrace.verifier.tlog.SignedNote;
import org.reetrace.verifier.tlog.VerifierKey;

/**
 * The transparency log's own work, without PostgreSQL: appending an event's hash as a leaf (what the ledger writer's
 * thread pays per event: the hex hash decoded, one SHA-256, one more per 256 events for the tile above), and signing a
 * checkpoint of a log of 10 million entries (its root from the tree's edge, the note, the Ed25519 signature), as the
 * application does both with these classes. Setup
 * appends the 10 million leaves once (about 10 s).
 *
 * <p>{@code java -jar bench/target/benchmarks.jar TransparencyLogBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class TransparencyLogBenchmark {

    private static final String ORIGIN = "regulator.example/reetrace/log";
    private static final long CHECKPOINT_SIZE = 10_000_000;

    private TileEdge growing;
    private TileEdge tenMillion;
    private KeyPair key;
    private VerifierKey vkey;
    private String hex;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        growing = new TileEdge();
        tenMillion = new TileEdge();
        byte[] entry = new byte[32];
        for (long i = 0; i < CHECKPOINT_SIZE; i++) {
            ByteBuffer.wrap(entry).putLong(i);
            tenMillion.append(Hashes.leaf(entry), tile -> { });
        }
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        vkey = VerifierKey.of(ORIGIN, Arrays.copyOfRange(key.getPublic().getEncoded(), 12, 44));
        hex = HexFormat.of().formatHex(Hashes.leaf(new byte[] {1}));
    }

    /** One event's hash appended as a leaf, as the writer does it (full tiles handed on, not stored here). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public TileEdge appendOneEvent() {
        growing.append(Hashes.leaf(HexFormat.of().parseHex(hex)), tile -> { });
        return growing;
    }

    /** A checkpoint of the log at 10 million entries: root, note, signature. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String checkpointAtTenMillion() throws GeneralSecurityException {
        TiledTree tree = new TiledTree(tenMillion, (level, index) -> {
            throw new IllegalStateException("a checkpoint needs no full tile");
        });
        String text = new Checkpoint(ORIGIN, CHECKPOINT_SIZE, tree.tree().root(CHECKPOINT_SIZE)).text();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        return new SignedNote(text, List.of(new SignedNote.Signature(ORIGIN, vkey.keyId(), signature))).encoded();
    }
}

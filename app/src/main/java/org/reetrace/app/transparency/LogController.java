package org.reetrace.app.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public transparency log under {@code /log/} (c2sp.org/tlog-tiles): no token, so that anyone can mirror it. Also
 * the regulator's {@code POST /api/log/checkpoints}, which signs a checkpoint now.
 */
@RestController
public class LogController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    /** Tiles and bundles never change once served: any cache may keep them for good. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final ReadLog read;
    private final ProveInclusion prove;
    private final SignCheckpoint sign;

    public LogController(ReadLog read, ProveInclusion prove, SignCheckpoint sign) {
        this.read = read;
        this.prove = prove;
        this.sign = sign;
    }

    @Operation(summary = "The latest checkpoint",
            description = "The log's latest signed checkpoint (c2sp.org/tlog-checkpoint, a C2SP signed note): origin,"
                    + " tree size, base64 root hash, then the Ed25519 signature line of the log's key. Public; changes"
                    + " as the log grows, so caches keep it a few seconds at most.")
    @ApiResponse(responseCode = "200", description = "The signed checkpoint",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @GetMapping(path = "/log/checkpoint", produces = "text/plain")
    public ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofSeconds(5)))
                .body(read.checkpoint().note());
    }

    @Operation(summary = "The log's verifier keys",
            description = "The C2SP verifier keys (name+keyid+base64(0x01||Ed25519 public key)) that verify the log's"
                    + " checkpoints, one per line: the current key first, then retired keys, which verify what they"
                    + " signed. Check them against what the regulator publishes out of band before trusting them.")
    @ApiResponse(responseCode = "200", description = "The verifier keys",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @GetMapping(path = "/log/key", produces = "text/plain")
    public ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(String.join("\n", read.verifierKeys()) + "\n");
    }

    @Operation(summary = "A tile or an entry bundle",
            description = "c2sp.org/tlog-tiles: `tile/<L>/<N>[.p/<W>]` is 256 (or W) 32-byte Merkle tree hashes at"
                    + " level L, `tile/entries/<N>[.p/<W>]` the entries themselves, each a big-endian uint16 length (32)"
                    + " and the event's 32-byte ledger hash. N is written in 3-digit elements, all but the last"
                    + " prefixed with x (x001/x234/067). Immutable once served.")
    @ApiResponse(responseCode = "200", description = "The tile's bytes",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string",
                    format = "binary")))
    @GetMapping(path = "/log/tile/{*path}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> tile(@Parameter(description = "The tile's path below tile/, such as 0/x001/234.p/5"
            + " or entries/000") @PathVariable String path) {
        LogResource tile = read.tile(path.startsWith("/") ? path.substring(1) : path);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE)
                .body(tile.bytes());
    }

    @Operation(summary = "Prove that an event is in the log",
            description = "The RFC 9162 inclusion proof of an event (by `event` id or by log `index`; entry i is the"
                    + " event of sequence i + 1) in the tree of the latest checkpoint, or of `size` entries, with the"
                    + " signed checkpoint of that tree and the same proof as c2sp.org/tlog-proof text. 409 while the"
                    + " event is not yet in a signed checkpoint.")
    @GetMapping(path = "/log/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    public InclusionProof proof(
            @Parameter(description = "The event's id") @RequestParam(required = false) String event,
            @Parameter(description = "The entry's index in the log (sequence - 1)") @RequestParam(required = false)
            Long index,
            @Parameter(description = "The tree size to prove in; the latest checkpoint's by default")
            @RequestParam(required = false) Long size) {
        if ((event == null) == (index == null)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-proof-request", "Bad proof request",
                    "name the entry by exactly one of 'event' (an event id) and 'index'");
        }
        return event != null ? prove.ofEvent(event, size) : prove.ofIndex(index, size);
    }

    @Operation(summary = "Prove that an event is in the log, as a tlog-proof",
            description = "The same proof as `/log/proof`, as c2sp.org/tlog-proof@v1 text for offline verification:"
                    + " index, inclusion proof, signed checkpoint. 404 when no checkpoint was signed at `size`.")
    @ApiResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @GetMapping(path = "/log/proof.tlog-proof", produces = "text/plain")
    public ResponseEntity<String> tlogProof(
            @Parameter(description = "The event's id") @RequestParam(required = false) String event,
            @Parameter(description = "The entry's index in the log (sequence - 1)") @RequestParam(required = false)
            Long index,
            @Parameter(description = "The tree size to prove in; the latest checkpoint's by default")
            @RequestParam(required = false) Long size) {
        InclusionProof proof = proof(event, index, size);
        if (proof.tlogProof() == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-checkpoint", "No checkpoint at that size",
                    "no checkpoint was signed at size " + size + "; ask without a size for the latest");
        }
        return ResponseEntity.ok().contentType(TEXT).body(proof.tlogProof());
    }

    @Operation(summary = "Prove that the log only grew",
            description = "The RFC 9162 consistency proof that the tree of `from` entries is the beginning of the tree"
                    + " of `to` entries, with both roots.")
    @GetMapping(path = "/log/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    public ConsistencyProof consistency(
            @Parameter(description = "The earlier tree size (at least 1)") @RequestParam long from,
            @Parameter(description = "The later tree size (at most the log's)") @RequestParam long to) {
        return prove.consistency(from, to);
    }

    @Operation(summary = "Sign a checkpoint now",
            description = "The regulator signs a checkpoint of the log as committed now, rather than at the next"
                    + " steady interval; the latest one is the answer when the log did not grow.")
    @PostMapping(path = "/api/log/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignedCheckpoint sign(Caller caller) {
        return sign.sign(caller);
    }
}

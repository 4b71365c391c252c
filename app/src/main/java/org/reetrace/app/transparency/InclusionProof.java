package org.reetrace.app.transparency;

import java.util.List;

/**
 * The proof that an event is in the log: the event's entry (its ledger hash), the RFC 9162 inclusion proof of its
 * leaf in the tree of {@code treeSize} entries, and the signed checkpoint of that tree.
 *
 * @param eventId    the event's id
 * @param sequence   its sequence in the ledger
 * @param index      its index in the log ({@code sequence - 1})
 * @param treeSize   the size of the tree it is proved in
 * @param entry      the log's entry: the event's ledger hash, hex
 * @param leafHash   SHA-256(0x00 || entry), base64
 * @param proof      the inclusion proof, base64 hashes from the leaf's sibling up
 * @param rootHash   the tree's root, base64
 * @param checkpoint the signed checkpoint of the tree, null if none was signed at that size
 * @param tlogProof  the proof in c2sp.org/tlog-proof@v1 text, null without a checkpoint
 */
public record InclusionProof(String eventId, long sequence, long index, long treeSize, String entry, String leafHash,
                             List<String> proof, String rootHash, String checkpoint, String tlogProof) {
}

package org.reetrace.app.transparency;

/**
 * A signed checkpoint of the log.
 *
 * @param origin   the log's origin
 * @param size     the tree size: entries 0 to size - 1, the events of sequence 1 to size
 * @param rootHash the RFC 9162 root hash, base64
 * @param note     the checkpoint as published (a C2SP signed note)
 */
public record SignedCheckpoint(String origin, long size, String rootHash, String note) {

    static SignedCheckpoint of(String origin, TransparencyStore.StoredCheckpoint stored) {
        return new SignedCheckpoint(origin, stored.size(), LogCheckpoints.rootOf(stored.note()), stored.note());
    }
}

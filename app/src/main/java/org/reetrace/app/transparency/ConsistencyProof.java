package org.reetrace.app.transparency;

import java.util.List;

/**
 * The proof that the tree of {@code size1} entries is the beginning of the tree of {@code size2}: the log only grew.
 *
 * @param size1 the earlier size
 * @param size2 the later size
 * @param root1 the earlier root, base64
 * @param root2 the later root, base64
 * @param proof the RFC 9162 consistency proof, base64 hashes
 */
public record ConsistencyProof(long size1, long size2, String root1, String root2, List<String> proof) {
}

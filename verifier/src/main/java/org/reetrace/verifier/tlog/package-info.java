/**
 * Checking reetrace's transparency log alone: RFC 9162 Merkle tree hashing ({@link org.reetrace.verifier.tlog.Hashes}),
 * inclusion and consistency proofs ({@link org.reetrace.verifier.tlog.MerkleProofs}), C2SP signed notes and verifier
 * keys ({@link org.reetrace.verifier.tlog.SignedNote}, {@link org.reetrace.verifier.tlog.VerifierKey}), checkpoints
 * ({@link org.reetrace.verifier.tlog.Checkpoint}), offline proofs ({@link org.reetrace.verifier.tlog.TlogProof}) and
 * tile paths ({@link org.reetrace.verifier.tlog.TilePath}). Every check answers a
 * {@link org.reetrace.verifier.tlog.Verdict} that names what failed; bad input is never an exception.
 *
 * <p>The log's entries are the ledger's event hashes (32 bytes, the hex {@code hash} of an event, decoded); entry
 * {@code i} is the event of sequence {@code i + 1}.
 */
package org.reetrace.verifier.tlog;

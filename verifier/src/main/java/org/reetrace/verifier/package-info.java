/**
 * Checks reetrace's proofs without reetrace: a buyer's own system embeds this module, which depends on no
 * framework, to verify the transparency log's checkpoints and proofs and the certificates signed over them.
 */
package org.reetrace.verifier;

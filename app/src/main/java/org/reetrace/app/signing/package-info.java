/**
 * The regulator's Ed25519 signing keys: what signs the transparency log's checkpoints and the certificates.
 *
 * <p>Inject {@link org.reetrace.app.signing.SigningKeys}. {@link org.reetrace.app.signing.SigningKeys#current()} is
 * the key that signs now ({@link org.reetrace.app.signing.SigningKey#sign(byte[])} gives a 64-byte Ed25519
 * signature; {@link org.reetrace.app.signing.SigningKey#keyId()} names it, e.g. as a did:web fragment or a JWS
 * {@code kid}). {@link org.reetrace.app.signing.SigningKeys#published()} lists the public keys to publish: the current
 * one first, then the retired ones, which sign nothing more but stay valid for what they signed;
 * {@link org.reetrace.app.signing.SigningKeys#find(String)} finds one by its id.
 *
 * <p>Where the keys come from ({@link org.reetrace.app.signing.SigningSettings}, {@code reetrace.signing.*}): a PKCS#8
 * PEM key file, or a PKCS#12 key store with its password; else keys generated into a key folder beside the database's
 * data folder, readable by the owner only. Private keys never go to the database.
 */
package org.reetrace.app.signing;

package org.reetrace.app.signing;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the regulator's signing keys come from ({@code reetrace.signing.*}). One source applies, in this order:
 * <ol>
 *   <li>{@code key-store} (PKCS#12, with {@code key-store-password}): every Ed25519 private key entry; the entry named
 *       {@code key-alias} signs, the others are retired (valid for what they signed);</li>
 *   <li>{@code key-file} (PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}) signs; {@code retired-key-files} (PEM,
 *       private or public keys) are retired;</li>
 *   <li>otherwise the key folder {@code key-dir}: a key is generated there at first start (owner-only permissions);
 *       the newest file signs, older ones are retired. Rotating is adding a newer key
 *       ({@code reetrace signing rotate}).</li>
 * </ol>
 *
 * @param keyStore         PKCS#12 key store
 * @param keyStorePassword its password (for the store and its entries)
 * @param keyAlias         the store's entry that signs; required when the store holds more than one key
 * @param keyFile          PKCS#8 PEM private key that signs
 * @param retiredKeyFiles  PEM keys (private or public) that signed before {@code keyFile}
 * @param keyDir           folder of generated keys
 */
@ConfigurationProperties("reetrace.signing")
public record SigningSettings(
        Path keyStore,
        String keyStorePassword,
        String keyAlias,
        Path keyFile,
        List<Path> retiredKeyFiles,
        Path keyDir) {

    public SigningSettings {
        retiredKeyFiles = retiredKeyFiles == null ? List.of() : List.copyOf(retiredKeyFiles);
        keyDir = keyDir == null ? null : keyDir.toAbsolutePath().normalize();
    }
}

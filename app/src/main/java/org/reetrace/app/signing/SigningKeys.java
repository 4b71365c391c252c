package org.reetrace.app.signing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The regulator's Ed25519 keys, read once at start (see {@link SigningSettings} for where from): the current key,
 * which signs checkpoints and certificates, and the retired ones, published so that what they signed stays
 * verifiable. A rotation takes effect at the next start.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final List<SigningKey> keys;

    @Autowired
    public SigningKeys(SigningSettings settings) {
        this(load(settings));
        log.info("Signing with {} ({} retired key(s) published)", current().keyId(), keys.size() - 1);
    }

    /** Keys at hand, the current one first (tests, the command line). */
    public SigningKeys(List<SigningKey> keys) {
        if (keys.isEmpty() || !keys.getFirst().current() || !keys.getFirst().canSign()
                || keys.stream().skip(1).anyMatch(SigningKey::current)) {
            throw new IllegalArgumentException("the first key, and only it, must be current and able to sign");
        }
        Set<String> ids = new HashSet<>();
        List<SigningKey> distinct = new ArrayList<>();
        for (SigningKey key : keys) {
            if (ids.add(key.keyId())) {
                distinct.add(key);
            }
        }
        this.keys = List.copyOf(distinct);
    }

    private static List<SigningKey> load(SigningSettings settings) {
        if (settings.keyStore() != null) {
            String password = settings.keyStorePassword();
            return KeyFiles.readStore(settings.keyStore(), password == null ? new char[0] : password.toCharArray(),
                    settings.keyAlias());
        }
        if (settings.keyFile() != null) {
            List<SigningKey> keys = new ArrayList<>();
            keys.add(KeyFiles.readPem(settings.keyFile(), true));
            for (Path retired : settings.retiredKeyFiles()) {
                keys.add(KeyFiles.readPem(retired, false));
            }
            return keys;
        }
        if (settings.keyDir() == null) {
            throw new IllegalArgumentException(
                    "no signing key: set reetrace.signing.key-file, reetrace.signing.key-store or reetrace.signing.key-dir");
        }
        return KeyFiles.readFolder(settings.keyDir());
    }

    /** A key generated into {@code dir}, to sign from the next start on; the keys there before become retired. */
    public static Path rotate(Path dir) {
        return KeyFiles.generate(dir.toAbsolutePath().normalize(), Instant.now());
    }

    /** A fresh key that lives in memory only (tests, benchmarks). */
    public static SigningKeys ephemeral() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKeys(List.of(new SigningKey(pair.getPublic(), pair.getPrivate(), true)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key that signs now. */
    public SigningKey current() {
        return keys.getFirst();
    }

    /** Every public key to publish: the current one first, then the retired ones, newest first. */
    public List<SigningKey> published() {
        return keys;
    }

    /** The published key of that {@link SigningKey#keyId() id}. */
    public Optional<SigningKey> find(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }
}

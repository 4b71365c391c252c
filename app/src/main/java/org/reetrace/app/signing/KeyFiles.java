package org.reetrace.app.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing Ed25519 keys: PKCS#8 and SubjectPublicKeyInfo PEM, PKCS#12 stores, the generated key folder. */
final class KeyFiles {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".pem";

    private KeyFiles() {
    }

    /** A key pair read from a PEM file: a private key (its public half derived), or a public key alone. */
    static SigningKey readPem(Path file, boolean current) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file, e);
        }
        Matcher pem = PEM.matcher(text);
        if (!pem.find()) {
            throw new IllegalArgumentException(file + " holds no PEM key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return switch (pem.group(1)) {
                case "PRIVATE KEY" -> {
                    PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                    yield new SigningKey(publicOf(key), key, current);
                }
                case "PUBLIC KEY" -> {
                    if (current) {
                        throw new IllegalArgumentException(file + " holds a public key: the current key must sign");
                    }
                    yield new SigningKey(factory.generatePublic(new X509EncodedKeySpec(der)), null, false);
                }
                default -> throw new IllegalArgumentException(file + " holds a " + pem.group(1)
                        + "; an unencrypted PKCS#8 PRIVATE KEY or a PUBLIC KEY is needed (a key with a password goes"
                        + " in a PKCS#12 store)");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds no Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Every Ed25519 private key entry of a PKCS#12 store; the one named {@code alias} is current. */
    static List<SigningKey> readStore(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> aliases = Collections.list(store.aliases()).stream()
                    .filter(a -> isKeyEntry(store, a)).sorted().toList();
            String signing = alias;
            if (signing == null) {
                if (aliases.size() != 1) {
                    throw new IllegalArgumentException(file + " holds " + aliases.size()
                            + " keys: set reetrace.signing.key-alias to the one that signs");
                }
                signing = aliases.getFirst();
            }
            if (!aliases.contains(signing)) {
                throw new IllegalArgumentException(file + " holds no key named " + signing);
            }
            List<SigningKey> keys = new ArrayList<>();
            for (String a : aliases) {
                PrivateKey key = (PrivateKey) store.getKey(a, password);
                if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
                    continue;
                }
                SigningKey signingKey = new SigningKey(publicOf(key), key, a.equals(signing));
                if (signingKey.current()) {
                    keys.addFirst(signingKey);
                } else {
                    keys.add(signingKey);
                }
            }
            if (keys.isEmpty() || !keys.getFirst().current()) {
                throw new IllegalArgumentException("the key " + signing + " of " + file + " is not an Ed25519 key");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + file
                    + " (is reetrace.signing.key-store-password right?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The keys of the generated folder, newest (current) first; a first key is generated when there is none. Files are
     * named by their creation time, so the newest sorts last.
     */
    static List<SigningKey> readFolder(Path dir) {
        List<Path> files = pemFiles(dir);
        if (files.isEmpty()) {
            generate(dir, Instant.now());
            files = pemFiles(dir);
        }
        List<SigningKey> keys = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            keys.add(readPem(files.get(i), i == files.size() - 1));
        }
        return keys;
    }

    private static List<Path> pemFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var listing = Files.list(dir)) {
            return listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the signing keys in " + dir, e);
        }
    }

    /** Generates a key into {@code dir}, readable by the owner only; it becomes the current key. */
    static Path generate(Path dir, Instant at) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            createOwnerOnlyDirectory(dir);
            Path file = dir.resolve("ed25519-" + FILE_TIME.format(at) + SUFFIX);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path temporary = Files.createTempFile(dir, ".new-", ".tmp");
            restrictToOwner(temporary, "rw-------");
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
            try {
                // never overwrite: a second process starting on the same folder keeps the first one's key
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // another process won: its key stands
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(file)) {
                    Files.move(temporary, file);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key into " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrictToOwner(dir, "rwx------");
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own access rules apply
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK does not expose it, but its generator derives the pair from
     * 32 random bytes, which are the private key: handing it the private key as its randomness gives the pair back.
     */
    static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof EdECPrivateKey edec)) {
            throw new GeneralSecurityException("not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key hides its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair().getPublic();
    }
}

package org.reetrace.app.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    private static SigningSettings folder(Path dir) {
        return new SigningSettings(null, null, null, null, null, dir);
    }

    @Test
    void aKeyIsGeneratedOnceIntoAnOwnerOnlyFolderAndReadAgain() throws Exception {
        Path keys = dir.resolve("keys");
        SigningKeys first = new SigningKeys(folder(keys));
        SigningKeys second = new SigningKeys(folder(keys));

        assertThat(second.current().keyId()).isEqualTo(first.current().keyId()).startsWith("ed25519-");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(keys)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        assertThat(second.current().verify(message, first.current().sign(message))).isTrue();
        assertThat(first.current().rawPublicKey()).hasSize(32);
    }

    @Test
    void aRotationSignsWithTheNewKeyAndKeepsTheOldOnePublished() throws Exception {
        Path keys = dir.resolve("keys");
        SigningKeys before = new SigningKeys(folder(keys));
        Thread.sleep(1100); // files are named by the second
        SigningKeys.rotate(keys);
        SigningKeys after = new SigningKeys(folder(keys));

        assertThat(after.current().keyId()).isNotEqualTo(before.current().keyId());
        assertThat(after.published()).extracting(SigningKey::keyId)
                .containsExactly(after.current().keyId(), before.current().keyId());
        SigningKey retired = after.find(before.current().keyId()).orElseThrow();
        assertThat(retired.current()).isFalse();
        byte[] message = {1, 2, 3};
        assertThat(retired.verify(message, before.current().sign(message))).isTrue();
    }

    @Test
    void aPemKeyFileSignsAndRetiredPublicKeysArePublished() throws Exception {
        SigningKeys old = SigningKeys.ephemeral();
        Path retired = dir.resolve("old.pub.pem");
        Files.writeString(retired, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(old.current().publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Path generated = KeyFiles.generate(dir.resolve("new"), java.time.Instant.EPOCH);

        SigningKeys keys = new SigningKeys(new SigningSettings(null, null, null, generated, List.of(retired), null));

        assertThat(keys.published()).hasSize(2);
        assertThat(keys.published().get(1).keyId()).isEqualTo(old.current().keyId());
        assertThat(keys.published().get(1).canSign()).isFalse();
    }

    @Test
    void aPkcs12StoreWithAPasswordGivesItsNamedKeyAndPublishesTheOthers() throws Exception {
        Path store = dir.resolve("keys.p12");
        for (String alias : List.of("regulator-2025", "regulator-2026")) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keyalg", "Ed25519", "-alias", alias, "-dname", "CN=" + alias, "-validity", "365",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "s3cret-pass")
                    .redirectErrorStream(true).start();
            keytool.getInputStream().readAllBytes();
            assertThat(keytool.waitFor()).isZero();
        }

        SigningKeys keys = new SigningKeys(new SigningSettings(store, "s3cret-pass", "regulator-2026", null, null, null));
        assertThat(keys.published()).hasSize(2);
        assertThat(keys.current().canSign()).isTrue();
        assertThat(keys.published().get(1).current()).isFalse();
        byte[] message = {4, 2};
        assertThat(keys.current().verify(message, keys.current().sign(message))).isTrue();

        assertThatThrownBy(() -> new SigningKeys(new SigningSettings(store, "s3cret-pass", null, null, null, null)))
                .hasMessageContaining("key-alias");
        assertThatThrownBy(() -> new SigningKeys(new SigningSettings(store, "wrong", "regulator-2026", null, null, null)))
                .hasMessageContaining("password");
    }

    @Test
    void aPublicKeyCannotBeTheCurrentKey() throws Exception {
        Path pub = dir.resolve("pub.pem");
        Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(SigningKeys.ephemeral().current().publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> new SigningKeys(new SigningSettings(null, null, null, pub, null, null)))
                .hasMessageContaining("must sign");
    }

    @Test
    void theRfc8032TestKeyGivesItsPublishedPublicKey() throws Exception {
        // RFC 8032 section 7.1, TEST 1: secret key 9d61b1...7f60, public key d75a98...511a
        byte[] pkcs8 = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420"
                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        Path pem = dir.resolve("rfc8032.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        SigningKey key = KeyFiles.readPem(pem, true);
        assertThat(java.util.HexFormat.of().formatHex(key.rawPublicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(java.util.HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }
}

package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    static String resource(String name) {
        try (InputStream in = SignedNoteTest.class.getResourceAsStream("c2sp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String VKEY = resource("signed-note-example.vkey").strip();
    private static final String NOTE = resource("signed-note-example.note");

    @Test
    void theSpecExampleKeyVerifiesTheSpecExampleNote() {
        VerifierKey key = VerifierKey.parse(VKEY).get();
        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(key.keyId()).isEqualTo(0x530d903a);
        assertThat(key.encoded()).isEqualTo(VKEY);
        assertThat(VerifierKey.of("example.com/foo", key.publicKey())).isEqualTo(key);

        SignedNote note = SignedNote.parse(NOTE).get();
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.encoded()).isEqualTo(NOTE);
        assertThat(key.verify(note)).isEqualTo(Verdict.ok());
    }

    @Test
    void aChangedTextOrSignatureFailsAndSaysSo() {
        VerifierKey key = VerifierKey.parse(VKEY).get();
        Verdict changedText = key.verify(SignedNote.parse(NOTE.replace("example message", "exemplary message")).get());
        assertThat(changedText.holds()).isFalse();
        assertThat(changedText.failure()).contains("does not verify");

        String signature = NOTE.substring(NOTE.lastIndexOf(' ') + 1, NOTE.length() - 1);
        byte[] bytes = Base64.getDecoder().decode(signature);
        bytes[10] ^= 1;
        String changed = NOTE.replace(signature, Base64.getEncoder().encodeToString(bytes));
        assertThat(key.verify(SignedNote.parse(changed).get()).holds()).isFalse();
    }

    @Test
    void anotherKeyOfTheSameNameIsNotTrusted() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44);
        VerifierKey other = VerifierKey.of("example.com/foo", raw);
        Verdict verdict = other.verify(SignedNote.parse(NOTE).get());
        assertThat(verdict.failure()).contains("not signed by a known key");
    }

    @Test
    void aNoteSignedHereVerifiesWithItsKeyAndIgnoresUnknownSignatures() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerifierKey key = VerifierKey.of("log.example/x", Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44));
        String text = "log.example/x\n3\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        SignedNote note = new SignedNote(text, List.of(
                new SignedNote.Signature("witness.example", 7, new byte[64]),
                new SignedNote.Signature(key.name(), key.keyId(), signer.sign())));

        assertThat(key.verify(SignedNote.parse(note.encoded()).get())).isEqualTo(Verdict.ok());
    }

    @Test
    void malformedNotesAndKeysAreVerdictsNotExceptions() {
        assertThat(SignedNote.parse("no blank line\n— a AAAAAAA=\n").verdict().failure()).contains("blank line");
        assertThat(SignedNote.parse("text\n\n").verdict().failure()).contains("no signature");
        assertThat(SignedNote.parse("text\n\n- a AAAAAAA=\n").verdict().failure()).contains("em dash");
        assertThat(SignedNote.parse("te\u0007xt\n\n— a AAAAAAA=\n").verdict().failure()).contains("control");
        assertThat(SignedNote.parse("text\n\n— a !!!\n").verdict().failure()).contains("base64");
        assertThat(SignedNote.parse(new byte[] {(byte) 0xff, '\n', '\n'}).verdict().failure()).contains("UTF-8");
        assertThat(VerifierKey.parse("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
                .verdict().failure()).contains("does not match");
        assertThat(VerifierKey.parse("example.com/foo+530d903a").ok()).isFalse();
        assertThat(VerifierKey.parse("example.com/foo+530d903a+AgkyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
                .verdict().failure()).contains("not an Ed25519 key");
    }

    @Test
    void theSpecCheckpointAndProofAreRead() {
        SignedNote note = SignedNote.parse(resource("checkpoint-example.note")).get();
        Checkpoint checkpoint = Checkpoint.parse(note.text()).get();
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.text()).isEqualTo(note.text());

        TlogProof proof = TlogProof.parse(resource("tlog-proof-example.txt")).get();
        assertThat(proof.index()).isEqualTo(73894);
        assertThat(proof.proof()).hasSize(5);
        assertThat(proof.extra()).isNotNull();
        assertThat(proof.checkpoint()).startsWith("example.com/fancylog\n109482\n");
        assertThat(proof.encoded()).isEqualTo(resource("tlog-proof-example.txt"));
    }

    @Test
    void checkpointsAreReadStrictly() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(Checkpoint.parse("o\n012\n" + root + "\n").verdict().failure()).contains("leading zeroes");
        assertThat(Checkpoint.parse("o\n12\n").verdict().failure()).contains("three lines");
        assertThat(Checkpoint.parse("o\n12\nAAAA\n").verdict().failure()).contains("32 bytes");
        assertThat(Checkpoint.parse("o\n12\n" + root + "\n\n").verdict().failure()).contains("empty line");
        assertThat(Checkpoint.parse("o\n12\n" + root + "\next\n").get().extensions()).containsExactly("ext");
    }
}

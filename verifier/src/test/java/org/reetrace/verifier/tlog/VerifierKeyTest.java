package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {

    @Test
    void a_key_whose_base64_holds_a_plus_reads_back_as_itself() {
        byte[] publicKey = new byte[32];
        Arrays.fill(publicKey, (byte) 0xFB);
        VerifierKey key = VerifierKey.of("example.org/reetrace/log", publicKey);
        assertThat(key.encoded().chars().filter(c -> c == '+').count()).isGreaterThan(2);

        VerifierKey read = VerifierKey.parse(key.encoded()).get();

        assertThat(read.encoded()).isEqualTo(key.encoded());
        assertThat(read.name()).isEqualTo("example.org/reetrace/log");
    }

    @Test
    void a_string_with_too_few_parts_is_refused_with_the_reason() {
        assertThat(VerifierKey.parse("example.org+0a0b0c0d").ok()).isFalse();
    }
}

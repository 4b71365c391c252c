package org.reetrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void tokens_are_stored_as_lower_case_hex_sha256() {
        // FIPS 180-2 test vector
        assertThat(ApiTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

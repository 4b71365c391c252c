package org.reetrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Identifiers and country codes accept exactly the shapes their documented patterns describe. */
class IdentifierShapeTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final String CHARS = "AZaz09!~ \t\u007F\u0020\u0021\u00E9\uD83D\uDE00-_.";

    private static boolean accepted(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void random_texts_are_accepted_exactly_when_they_match_the_pattern() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(4) == 0 ? 126 + random.nextInt(5) : random.nextInt(4);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < length; k++) {
                b.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            String s = b.toString();
            assertThat(accepted(() -> Identifier.check("id", s))).as("identifier '%s'", s)
                    .isEqualTo(IDENTIFIER.matcher(s).matches());
            assertThat(accepted(() -> CountryCode.of(s))).as("country '%s'", s).isEqualTo(ALPHA2.matcher(s).matches());
        }
    }

    @Test
    void the_edges() {
        assertThat(Identifier.check("id", "!".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> Identifier.check("id", "!".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifier.check("id", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifier.check("id", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CountryCode.of("MY").alpha2()).isEqualTo("MY");
        assertThatThrownBy(() -> CountryCode.of("my")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountryCode.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

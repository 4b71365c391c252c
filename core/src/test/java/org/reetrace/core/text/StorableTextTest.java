package org.reetrace.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinary_text_with_tabs_line_breaks_and_any_language_may_be_kept() {
        assertThat(StorableText.firstRefused("Lynas Malaysia Sdn Bhd\tKuantan\r\n稀土 Ωμέγα \uD83D\uDE00 \u007F\u0085"))
                .isEqualTo(-1);
        assertThat(StorableText.refusal("")).isNull();
    }

    @Test
    void nul_and_the_other_c0_controls_are_refused_with_their_place() {
        assertThat(StorableText.firstRefused("ab\u0000c")).isEqualTo(2);
        assertThat(StorableText.refusal("ab\u0000c")).startsWith("holds U+0000 (NUL) at character 3");
        for (char c = 1; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(StorableText.firstRefused("x" + c)).as("U+%04X", (int) c).isEqualTo(allowed ? -1 : 1);
        }
    }

    @Test
    void non_characters_and_unpaired_surrogates_are_refused() {
        assertThat(StorableText.firstRefused("a\uFFFE")).isEqualTo(1);
        assertThat(StorableText.firstRefused("a\uFFFF")).isEqualTo(1);
        assertThat(StorableText.firstRefused("a\uD800b")).isEqualTo(1);
        assertThat(StorableText.firstRefused("a\uD800")).isEqualTo(1);
        assertThat(StorableText.firstRefused("a\uDC00")).isEqualTo(1);
        assertThat(StorableText.refusal("\uDC00")).contains("unpaired surrogate");
    }
}

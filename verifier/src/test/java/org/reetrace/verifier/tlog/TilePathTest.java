package org.reetrace.verifier.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TilePathTest {

    @Test
    void indexesAreWrittenInThreeDigitElementsAsTheSpecShows() {
        assertThat(new TilePath(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TilePath(1, 0, 17).path()).isEqualTo("tile/1/000.p/17");
        assertThat(new TilePath(TilePath.ENTRIES, 273, 112).path()).isEqualTo("tile/entries/273.p/112");
        assertThat(new TilePath(2, 1000, 256).path()).isEqualTo("tile/2/x001/000");
    }

    @Test
    void pathsAreReadBack() {
        assertThat(TilePath.parse("0/x001/x234/067").get()).isEqualTo(new TilePath(0, 1234067, 256));
        assertThat(TilePath.parse("entries/273.p/112").get()).isEqualTo(new TilePath(TilePath.ENTRIES, 273, 112));
        assertThat(TilePath.parse("1/000.p/17").get()).isEqualTo(new TilePath(1, 0, 17));
    }

    @Test
    void malformedPathsAreVerdicts() {
        assertThat(TilePath.parse("0/1").ok()).isFalse();
        assertThat(TilePath.parse("00/000").ok()).isFalse();
        assertThat(TilePath.parse("64/000").ok()).isFalse();
        assertThat(TilePath.parse("0/001/002").ok()).isFalse();
        assertThat(TilePath.parse("0/x000/002").ok()).isFalse();
        assertThat(TilePath.parse("0/000.p/256").ok()).isFalse();
        assertThat(TilePath.parse("0/000.p/0").ok()).isFalse();
        assertThat(TilePath.parse("0/000.p/07").ok()).isFalse();
        assertThat(TilePath.parse("blob/000").ok()).isFalse();
    }
}

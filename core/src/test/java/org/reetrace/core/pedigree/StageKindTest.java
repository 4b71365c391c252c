package org.reetrace.core.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reetrace.core.process.ProcessKind;

class StageKindTest {

    @Test
    void aProcessAddsAStageExactlyWhenItNeedsALicence() {
        for (ProcessKind process : ProcessKind.values()) {
            assertThat(StageKind.of(process).isPresent()).as(process.name()).isEqualTo(process.needsLicence());
        }
    }

    @Test
    void leachingIsTheCrackingStageOfAnInSituMine() {
        assertThat(StageKind.of(ProcessKind.LEACHING)).contains(StageKind.CRACKING);
        assertThat(StageKind.of(ProcessKind.SEPARATION)).contains(StageKind.SEPARATION);
        assertThat(StageKind.of(ProcessKind.BLEND)).isEmpty();
    }
}

package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

import tools.jackson.databind.json.JsonMapper;

/** The native JSON of a reversal. */
class ReversalJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_reversal_reads_from_native_json_and_writes_back_the_same() {
        Reverse r = (Reverse) EventJson.read(JSON.readTree("""
                {"id": "r-1", "type": "REVERSE", "time": "2026-03-05T08:00:00Z", "facility": "MINE-1",
                 "original": "e-1", "reason": "mass keyed in tonnes"}"""), lot -> Optional.empty());

        assertThat(r).isEqualTo(new Reverse(EventId.of("r-1"), Instant.parse("2026-03-05T08:00:00Z"),
                FacilityId.of("MINE-1"), EventId.of("e-1"), "mass keyed in tonnes"));
        assertThat(EventJson.read(EventJson.write(r), lot -> Optional.empty())).isEqualTo(r);
    }

    @Test
    void a_reversal_without_original_or_with_a_lot_is_refused() {
        assertThatThrownBy(() -> EventJson.read(JSON.readTree("""
                {"id": "r-1", "type": "REVERSE", "time": "2026-03-05T08:00:00Z", "facility": "MINE-1",
                 "reason": "why"}"""), lot -> Optional.empty())).isInstanceOf(EventFormatException.class)
                .extracting(e -> ((EventFormatException) e).field()).isEqualTo("original");
        assertThatThrownBy(() -> EventJson.read(JSON.readTree("""
                {"id": "r-1", "type": "REVERSE", "time": "2026-03-05T08:00:00Z", "facility": "MINE-1",
                 "original": "e-1", "reason": "why", "lot": "L-1"}"""), lot -> Optional.empty()))
                .isInstanceOf(EventFormatException.class);
    }
}

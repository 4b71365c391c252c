package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
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
import org.reetrace.core.testing.EventStreams;
import org.reetrace.core.testing.RegistryFixture;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** Pedigrees and undo data survive the stored binary form whole, and a damaged record is refused, never misread. */
class LotCodecTest {

    private static final Composition C = Composition.of(Map.of(Element.Nd, 5_000L, Element.Th, 7L));
    private static final Pedigree PEDIGREE = Pedigree.of(Map.of(
            new PedigreeKey(Origin.mine("MINE-1", CountryCode.of("MY")),
                    List.of(new Stage(StageKind.MINING, CountryCode.of("MY"), CountryCode.of("CN")))),
            Composition.of(Map.of(Element.Nd, 3_000L, Element.Th, 7L)),
            new PedigreeKey(Origin.imported("Outback Minerals Pty Ltd", CountryCode.of("AU")), List.of()),
            Composition.of(Element.Nd, 2_000L)));
    private static final Lot IN_TRANSIT = new Lot(LotId.of("L-1"), MaterialForm.CONCENTRATE, Mass.ofMilligrams(9_000),
            C, FacilityId.of("MINE-1"), OperatorId.of("OP-1"), LotStatus.IN_TRANSIT, PEDIGREE, FacilityId.of("PLANT-1"),
            new BigDecimal("1.50"));

    @Test
    void a_lot_survives_whole_in_transit_with_activity_and_pedigree_and_voided() {
        Lot received = IN_TRANSIT.receivedAt(FacilityId.of("PLANT-1"), OperatorId.of("OP-2"));
        Lot voided = received.voided();
        long[] signed = new long[Element.count()];
        signed[Element.Nd.ordinal()] = -9_000_000_000L;
        signed[Element.Th.ordinal()] = 7;
        Balance delta = Balance.of(signed, new long[Element.count()], C.toArray(), signed, new long[Element.count()]);

        LotCodec.UndoData undo = LotCodec.undo(LotCodec.undo(List.of(IN_TRANSIT), List.of(received, voided), delta));

        assertThat(undo.before()).containsExactly(IN_TRANSIT);
        assertThat(undo.after()).containsExactly(received, voided);
        assertThat(undo.after().getFirst().activity()).isEqualByComparingTo("1.50").hasToString("1.50");
        assertThat(undo.delta()).isEqualTo(delta);
        assertThat(LotCodec.pedigree(LotCodec.pedigree(PEDIGREE))).isEqualTo(PEDIGREE);
        assertThat(LotCodec.pedigree(LotCodec.pedigree(Pedigree.EMPTY))).isEqualTo(Pedigree.EMPTY);
    }

    @Test
    void a_pedigree_kept_by_the_event_is_written_once() {
        Lot received = IN_TRANSIT.receivedAt(FacilityId.of("PLANT-1"), OperatorId.of("OP-2"));
        int once = LotCodec.undo(List.of(IN_TRANSIT), List.of(received), Balance.EMPTY).length;
        Lot copied = received.withContent(received.mass(), received.composition(), Pedigree.of(PEDIGREE.parts()));
        int twice = LotCodec.undo(List.of(IN_TRANSIT), List.of(copied), Balance.EMPTY).length;

        assertThat(once).isLessThan(twice - LotCodec.pedigree(PEDIGREE).length + 10);
        assertThat(LotCodec.undo(LotCodec.undo(List.of(IN_TRANSIT), List.of(copied), Balance.EMPTY)).after())
                .containsExactly(copied);
    }

    @Test
    void damaged_bytes_are_refused_with_what_is_wrong() {
        byte[] bytes = LotCodec.pedigree(PEDIGREE);
        assertThatThrownBy(() -> LotCodec.pedigree(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> LotCodec.pedigree(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bytes too many");
        byte[] future = bytes.clone();
        future[0] = 9;
        assertThatThrownBy(() -> LotCodec.pedigree(future)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
    }

    @Provide
    Arbitrary<List<LedgerEvent>> streams() {
        return EventStreams.events(60);
    }

    @Property(tries = 100)
    void every_entry_of_a_generated_stream_reads_back_as_written(@ForAll("streams") List<LedgerEvent> events) {
        Ledger ledger = Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
        for (LedgerEvent event : events) {
            if (ledger.apply(event) instanceof Verdict.Accepted a) {
                Entry e = a.entry();
                LotCodec.UndoData undo = LotCodec.undo(LotCodec.undo(e.before(), e.lots(), e.delta()));
                assertThat(undo.before()).isEqualTo(e.before());
                assertThat(undo.after()).isEqualTo(e.lots());
                assertThat(undo.delta()).isEqualTo(e.delta());
                e.lots().forEach(l -> assertThat(LotCodec.pedigree(LotCodec.pedigree(l.pedigree())))
                        .isEqualTo(l.pedigree()));
            }
        }
    }
}

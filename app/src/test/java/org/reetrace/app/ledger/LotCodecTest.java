package org.reetrace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
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

    /** Undo data of {@link #a_lot_survives_whole_in_transit_with_activity_and_pedigree_and_voided} in format 1. */
    private static final String FORMAT_1 = "010100034c2d31000b434f4e43454e5452415445a846a08008904e0e00064d494e452d3100"
            + "044f502d31000a494e5f5452414e5349540007504c414e542d310004312e3530000200044d494e4500064d494e452d3100024d59"
            + "0100064d494e494e4700024d590002434ea08008f02e0e0006494d504f525400184f75746261636b204d696e6572616c7320507"
            + "479204c7464000241550020a01f0200034c2d31000b434f4e43454e5452415445a846a08008904e0e0007504c414e542d310004"
            + "4f502d32000641435449564500000004312e35300100034c2d31000b434f4e43454e545241544500000007504c414e542d310004"
            + "4f502d320004564f4944000000000000a08008ffe78887430e00a08008904e0ea08008ffe78887430e00";

    @Test
    void undo_data_stored_whole_in_format_1_is_still_read_and_format_2_writes_only_what_changed() {
        Lot received = IN_TRANSIT.receivedAt(FacilityId.of("PLANT-1"), OperatorId.of("OP-2"));
        Lot voided = received.voided();
        byte[] stored = HexFormat.of().parseHex(FORMAT_1);

        LotCodec.UndoData undo = LotCodec.undo(stored);

        assertThat(undo.before()).containsExactly(IN_TRANSIT);
        assertThat(undo.after()).containsExactly(received, voided);
        byte[] now = LotCodec.undo(undo.before(), undo.after(), undo.delta());
        assertThat(now[0]).isEqualTo((byte) 2);
        assertThat(now.length).isLessThan(stored.length - 40);
        assertThat(LotCodec.undo(now)).isEqualTo(undo);
    }

    @Test
    void a_change_naming_a_field_no_lot_has_or_a_lot_not_before_is_refused() {
        byte[] once = LotCodec.undo(List.of(IN_TRANSIT), List.of(IN_TRANSIT.voided()), Balance.EMPTY);
        byte[] unknownField = once.clone();
        byte[] unknownBase = once.clone();
        int after = indexOfChanges(once);
        unknownBase[after] = 5;
        unknownField[after + 1] = (byte) 0x80;
        unknownField[after + 2] = 0x7F;
        assertThatThrownBy(() -> LotCodec.undo(unknownBase)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbled");
        assertThatThrownBy(() -> LotCodec.undo(unknownField)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbled");
    }

    /** Where the one lot after the event starts: after the count of lots after, which follows the lots before. */
    private static int indexOfChanges(byte[] undo) {
        byte[] before = LotCodec.undo(List.of(IN_TRANSIT), List.of(), Balance.EMPTY);
        // the same bytes up to the count of lots after (0 there, 1 here), then the base of the lot: 1
        int count = before.length - 5 * 1 - 1;
        assertThat(undo[count]).isEqualTo((byte) 1);
        assertThat(undo[count + 1]).isEqualTo((byte) 1);
        return count + 1;
    }

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

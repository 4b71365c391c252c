package org.reetrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.AU;
import static org.reetrace.core.testing.RegistryFixture.CN;
import static org.reetrace.core.testing.RegistryFixture.CRACKING_PLANT;
import static org.reetrace.core.testing.RegistryFixture.DISPOSAL;
import static org.reetrace.core.testing.RegistryFixture.MAGNET_PLANT;
import static org.reetrace.core.testing.RegistryFixture.METAL_PLANT;
import static org.reetrace.core.testing.RegistryFixture.MY;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.REGISTRY;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.testing.LedgerRun;

/**
 * The worked chain: Malaysian monazite is cracked, separated (with Chinese technology), made into alloy together
 * with imported Chinese dysprosium oxide, made into a magnet and exported. The magnet's dysprosium is 70 % Malaysian
 * and 30 % Chinese, to the milligram, and every path remembers where each stage happened.
 */
class MineToMagnetTest {

    private static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    private final LedgerRun run = LedgerRun.withDefaultTolerance();
    private final List<LedgerEvent> events = new ArrayList<>();
    private int n;

    private EventId id() {
        return EventId.of("ev-" + (++n));
    }

    private Instant t() {
        return T0.plusSeconds(3600L * n);
    }

    private void book(LedgerEvent e) {
        LedgerRun.Step step = run.apply(e);
        assertThat(step.verdict()).as("%s", e).isInstanceOf(Verdict.Accepted.class);
        events.add(e);
    }

    private static Composition comp(Object... pairs) {
        Composition c = Composition.ZERO;
        for (int i = 0; i < pairs.length; i += 2) {
            c = c.with((Element) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return c;
    }

    private void move(String lot, FacilityId from, FacilityId to) {
        book(new Ship(id(), t(), from, LotId.of(lot), to));
        book(new Receive(id(), t(), to, LotId.of(lot), run.ledger().lot(LotId.of(lot)).orElseThrow().mass()));
    }

    private void make(FacilityId at, ProcessKind p, List<String> wholeInputs, List<Transform.Output> outputs,
                      Composition loss) {
        List<Transform.Input> in = wholeInputs.stream().map(l -> new Transform.Input(LotId.of(l),
                run.ledger().lot(LotId.of(l)).orElseThrow().mass())).toList();
        book(new Transform(id(), t(), at, p, in, outputs, loss));
    }

    private static Transform.Output out(String lot, MaterialForm form, long mg, Composition c) {
        return new Transform.Output(LotId.of(lot), form, Mass.ofMilligrams(mg), c);
    }

    private Lot lot(String id) {
        return run.ledger().lot(LotId.of(id)).orElseThrow();
    }

    @BeforeEach
    void mineToMagnet() {
        // 100 kg monazite concentrate from amang: Nd 10 kg, Dy 1.4 kg, Th 500 g
        book(new Extract(id(), t(), AMANG_MINE, LotId.of("my-conc"), MaterialForm.CONCENTRATE, Mass.ofKilograms(100),
                comp(Element.Nd, 10_000_000, Element.Dy, 1_400_000, Element.Th, 500_000), null));
        move("my-conc", AMANG_MINE, CRACKING_PLANT);
        make(CRACKING_PLANT, ProcessKind.CRACKING, List.of("my-conc"), List.of(
                out("my-mrc", MaterialForm.MIXED_RE_COMPOUND, 40_000_000, comp(Element.Nd, 10_000_000, Element.Dy, 1_400_000)),
                out("my-res", MaterialForm.RESIDUE, 60_000_000, comp(Element.Th, 500_000))), null);
        move("my-res", CRACKING_PLANT, DISPOSAL);
        book(new Dispose(id(), t(), DISPOSAL, LotId.of("my-res")));
        move("my-mrc", CRACKING_PLANT, SEPARATION_PLANT);
        make(SEPARATION_PLANT, ProcessKind.SEPARATION, List.of("my-mrc"), List.of(
                out("my-nd", MaterialForm.SEPARATED_COMPOUND, 12_000_000, comp(Element.Nd, 10_000_000)),
                out("my-dy", MaterialForm.SEPARATED_COMPOUND, 1_700_000, comp(Element.Dy, 1_400_000))), null);
        // 800 g Chinese Dy oxide: 600 g Dy, mined and separated in China
        book(new Import(id(), t(), METAL_PLANT, LotId.of("cn-dy"), MaterialForm.SEPARATED_COMPOUND,
                Mass.ofMilligrams(800_000), comp(Element.Dy, 600_000), CN, "cn-ganzhou-supplier",
                List.of(new Stage(StageKind.SEPARATION, CN, CN)),
                new CustomsDeclaration("K1-77", "2846.90", "AP-77", "Ganzhou RE Trading", CN)));
        move("my-nd", SEPARATION_PLANT, METAL_PLANT);
        move("my-dy", SEPARATION_PLANT, METAL_PLANT);
        // pool Dy: 1,400,000 Malaysian + 600,000 Chinese = 70 % : 30 %
        make(METAL_PLANT, ProcessKind.METAL_MAKING, List.of("my-nd", "my-dy", "cn-dy"), List.of(
                out("alloy", MaterialForm.METAL_OR_ALLOY, 12_000_000, comp(Element.Nd, 10_000_000, Element.Dy, 2_000_000))),
                null);
        move("alloy", METAL_PLANT, MAGNET_PLANT);
        make(MAGNET_PLANT, ProcessKind.MAGNET_MAKING, List.of("alloy"), List.of(
                out("magnet", MaterialForm.MAGNET, 40_000_000, comp(Element.Nd, 9_900_000, Element.Dy, 1_980_000))),
                comp(Element.Nd, 100_000, Element.Dy, 20_000));
        move("magnet", MAGNET_PLANT, PORT);
        book(new Export(id(), t(), PORT, LotId.of("magnet"),
                new CustomsDeclaration("K2-9", "8505.11", "EP-9", "Detroit Motors", CountryCode.of("US"))));
    }

    @Test
    void theMagnetsDysprosiumIsSeventyPercentMalaysianAndThirtyPercentChineseToTheMilligram() {
        Map<CountryCode, Composition> byOrigin = lot("magnet").pedigree().byOriginCountry();
        assertThat(byOrigin).containsOnlyKeys(MY, CN);
        assertThat(byOrigin.get(MY)).isEqualTo(comp(Element.Nd, 9_900_000, Element.Dy, 1_386_000));
        assertThat(byOrigin.get(CN)).isEqualTo(comp(Element.Dy, 594_000));
    }

    @Test
    void everyPathOfTheMagnetRemembersWhereEachStageHappenedAndWhoseTechnologyItUsed() {
        PedigreeKey malaysian = new PedigreeKey(Origin.mine(AMANG_MINE.value(), MY), List.of(
                new Stage(StageKind.MINING, MY, MY), new Stage(StageKind.CRACKING, MY, AU),
                new Stage(StageKind.SEPARATION, MY, CN), new Stage(StageKind.METAL_MAKING, MY, MY),
                new Stage(StageKind.MAGNET_MAKING, MY, CN)));
        PedigreeKey chinese = new PedigreeKey(Origin.imported("cn-ganzhou-supplier", CN), List.of(
                new Stage(StageKind.MINING, CN, CN), new Stage(StageKind.SEPARATION, CN, CN),
                new Stage(StageKind.METAL_MAKING, MY, MY), new Stage(StageKind.MAGNET_MAKING, MY, CN)));
        assertThat(lot("magnet").pedigree().parts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                malaysian, comp(Element.Nd, 9_900_000, Element.Dy, 1_386_000),
                chinese, comp(Element.Dy, 594_000)));
    }

    @Test
    void separationCountriesShowThirtyPercentOfTheDysprosiumWasSeparatedInChina() {
        Map<CountryCode, Composition> separated = lot("magnet").pedigree().byStageCountry(StageKind.SEPARATION);
        assertThat(separated.get(CN)).isEqualTo(comp(Element.Dy, 594_000));
        assertThat(separated.get(MY)).isEqualTo(comp(Element.Nd, 9_900_000, Element.Dy, 1_386_000));
    }

    @Test
    void theNationalAccountBalancesAfterTheWholeChain() {
        Balance b = run.ledger().balance();
        assertThat(b.extracted()).isEqualTo(comp(Element.Nd, 10_000_000, Element.Dy, 1_400_000, Element.Th, 500_000).toArray());
        assertThat(b.imported()).isEqualTo(comp(Element.Dy, 600_000).toArray());
        assertThat(b.lost()).isEqualTo(comp(Element.Nd, 100_000, Element.Dy, 20_000).toArray());
        assertThat(b.unexplained()).containsOnly(0);
        assertThat(lot("magnet").status()).isEqualTo(LotStatus.EXPORTED);
        assertThat(lot("my-res").status()).isEqualTo(LotStatus.DISPOSED);
        assertThat(run.ledger().lots().stream().filter(l -> l.status() == LotStatus.ACTIVE)).isEmpty();
        assertThat(Invariants.check(run.ledger().lots(), b)).isEmpty();
    }

    @Test
    void restoringTheBooksFromTheirOpenLotsGivesTheSameStockStateAndNextVerdict() {
        Ledger ledger = run.ledger();
        Map<LotId, LotStatus> closed = new HashMap<>();
        ledger.lots().stream().filter(l -> !l.status().isOpen()).forEach(l -> closed.put(l.id(), l.status()));
        Ledger restored = Ledger.restore(REGISTRY, Tolerance.DEFAULT,
                ledger.lots().stream().filter(l -> l.status().isOpen()).toList(), closed, ledger.balance(),
                ledger.sequence(), ledger.head());
        assertThat(restored.lots()).isEmpty();
        assertThat(restored.status(LotId.of("magnet"))).contains(LotStatus.EXPORTED);
        assertThat(restored.status(LotId.of("my-res"))).contains(LotStatus.DISPOSED);
        assertThat(restored.balance()).isEqualTo(ledger.balance());
        assertThat(restored.sequence()).isEqualTo(ledger.sequence());
        assertThat(restored.head()).isEqualTo(ledger.head());
        for (var f : REGISTRY.facilities()) {
            assertThat(restored.stock(f.id())).as("stock at %s", f.id()).isEqualTo(ledger.stock(f.id()));
        }
        LedgerEvent next = new Extract(id(), t(), AMANG_MINE, LotId.of("my-conc-2"), MaterialForm.CONCENTRATE,
                Mass.ofKilograms(1), comp(Element.Nd, 100_000), null);
        assertThat(restored.apply(next)).isEqualTo(ledger.apply(next));
        assertThat(restored.stock(AMANG_MINE)).isEqualTo(comp(Element.Nd, 100_000));
    }

    @Test
    void theHeadIsTheChainOfLinksFromGenesisOverEveryAcceptedEvent() {
        String head = HashChain.GENESIS;
        for (LedgerEvent e : events) {
            head = HashChain.link(head, e);
        }
        assertThat(run.ledger().head()).isEqualTo(head).hasSize(64);
        assertThat(run.ledger().sequence()).isEqualTo(events.size());
    }

    @Test
    void changingAnyEarlierEventChangesTheHead() {
        List<String> heads = new ArrayList<>();
        for (int changed = 0; changed < events.size(); changed++) {
            String head = HashChain.GENESIS;
            for (int i = 0; i < events.size(); i++) {
                LedgerEvent e = events.get(i);
                head = HashChain.link(head, i == changed ? retimed(e) : e);
            }
            heads.add(head);
        }
        assertThat(heads).doesNotContain(run.ledger().head()).doesNotHaveDuplicates();
    }

    @Test
    void reorderingTwoEventsChangesTheHead() {
        List<LedgerEvent> swapped = new ArrayList<>(events);
        java.util.Collections.swap(swapped, 0, 1);
        String head = HashChain.GENESIS;
        for (LedgerEvent e : swapped) {
            head = HashChain.link(head, e);
        }
        assertThat(head).isNotEqualTo(run.ledger().head());
    }

    /** The same event a second later. */
    private static LedgerEvent retimed(LedgerEvent e) {
        Instant later = e.time().plusSeconds(1);
        return switch (e) {
            case Extract x -> new Extract(x.id(), later, x.facility(), x.lot(), x.form(), x.mass(), x.composition(), x.location());
            case Ship x -> new Ship(x.id(), later, x.facility(), x.lot(), x.destination());
            case Receive x -> new Receive(x.id(), later, x.facility(), x.lot(), x.receivedMass());
            case Transform x -> new Transform(x.id(), later, x.facility(), x.process(), x.inputs(), x.outputs(), x.declaredLoss());
            case Dispose x -> new Dispose(x.id(), later, x.facility(), x.lot());
            case Import x -> new Import(x.id(), later, x.facility(), x.lot(), x.form(), x.mass(), x.composition(),
                    x.originCountry(), x.supplier(), x.upstreamStages(), x.declaration());
            case Export x -> new Export(x.id(), later, x.facility(), x.lot(), x.declaration());
            default -> throw new AssertionError("not in the chain: " + e);
        };
    }
}

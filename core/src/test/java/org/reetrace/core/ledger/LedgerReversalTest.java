package org.reetrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.AU;
import static org.reetrace.core.testing.RegistryFixture.CN;
import static org.reetrace.core.testing.RegistryFixture.CONCENTRATOR;
import static org.reetrace.core.testing.RegistryFixture.CRACKING_PLANT;
import static org.reetrace.core.testing.RegistryFixture.DISPOSAL;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.REGISTRY;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.testing.LedgerRun;

/**
 * Reversal of each event kind: the books return exactly to their state before the original (created lots become
 * VOID), the chain grows by one link, and every refusal a reversal can earn.
 */
class LedgerReversalTest {

    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final CustomsDeclaration DECLARATION = new CustomsDeclaration("K1-2025-009", "2846.90", "AP-9",
            "Ganzhou RE Trading", CN);

    private final Ledger ledger = Ledger.empty(REGISTRY, Tolerance.DEFAULT);
    private final MemoryHistory history = new MemoryHistory();
    private int events;

    private EventId id() {
        return EventId.of("ev-" + (++events));
    }

    private Instant t() {
        return T0.plusSeconds(60L * events);
    }

    private static Composition comp(Object... pairs) {
        Composition c = Composition.ZERO;
        for (int i = 0; i < pairs.length; i += 2) {
            c = c.with((Element) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return c;
    }

    private Entry accept(LedgerEvent e) {
        Verdict v = ledger.apply(e, history);
        assertThat(v).as("verdict on %s", e).isInstanceOf(Verdict.Accepted.class);
        Entry entry = ((Verdict.Accepted) v).entry();
        history.record(entry);
        return entry;
    }

    private Verdict.Rejected refused(LedgerEvent e, String code, String field) {
        LedgerRun.Snapshot before = LedgerRun.Snapshot.of(ledger);
        Verdict v = ledger.apply(e, history);
        assertThat(v).as("verdict on %s", e).isInstanceOf(Verdict.Rejected.class);
        Verdict.Rejected r = (Verdict.Rejected) v;
        assertThat(r.code()).as("code, message: %s", r.message()).isEqualTo(code);
        assertThat(r.field()).isEqualTo(field);
        assertThat(LedgerRun.Snapshot.of(ledger)).as("books after a refusal").isEqualTo(before);
        return r;
    }

    private Reverse reversal(LedgerEvent original) {
        return new Reverse(id(), t(), original.facility(), original.id(), "booked in error");
    }

    private Lot get(String lot) {
        return ledger.lot(LotId.of(lot)).orElseThrow();
    }

    private Extract extract(String lot, long mg, Composition c) {
        return new Extract(id(), t(), AMANG_MINE, LotId.of(lot), MaterialForm.CONCENTRATE, Mass.ofMilligrams(mg), c, null);
    }

    private Import importAt(FacilityId at, String lot, MaterialForm form, long mg, Composition c) {
        return new Import(id(), t(), at, LotId.of(lot), form, Mass.ofMilligrams(mg), c, AU, "au-mtweld-supplier",
                List.of(), DECLARATION);
    }

    private static final Composition ORE = comp(Element.La, 100_000, Element.Nd, 50_000, Element.Th, 2_000);

    private void shipAndReceive(String lot, FacilityId from, FacilityId to) {
        accept(new Ship(id(), t(), from, LotId.of(lot), to));
        accept(new Receive(id(), t(), to, LotId.of(lot), get(lot).mass()));
    }

    /**
     * Books {@code original}, reverses it, and checks that every lot that existed before is exactly as it was,
     * every lot it created is VOID and empty, and balance, stocks and invariants are as before.
     */
    private void reversesExactly(LedgerEvent original) {
        LedgerRun.Snapshot before = LedgerRun.Snapshot.of(ledger);
        Entry booked = accept(original);
        Entry reversed = accept(reversal(original));

        LedgerRun.Snapshot after = LedgerRun.Snapshot.of(ledger);
        Map<LotId, Lot> existing = new HashMap<>(after.lots());
        for (Lot lot : booked.lots()) {
            if (!before.lots().containsKey(lot.id())) {
                Lot voided = existing.remove(lot.id());
                assertThat(voided.status()).as("lot %s created in error", lot.id()).isEqualTo(LotStatus.VOID);
                assertThat(voided.mass()).isEqualTo(Mass.ZERO);
                assertThat(voided.composition()).isEqualTo(Composition.ZERO);
                assertThat(voided.pedigree().isEmpty()).isTrue();
            }
        }
        assertThat(existing).as("lots after the reversal").isEqualTo(before.lots());
        assertThat(after.balance()).as("balance").isEqualTo(before.balance());
        assertThat(after.stock()).as("stocks").isEqualTo(before.stock());
        assertThat(after.sequence()).as("both stay in the chain").isEqualTo(before.sequence() + 2);
        assertThat(reversed.previous()).isEqualTo(booked.hash());
        assertThat(reversed.before()).containsExactlyInAnyOrderElementsOf(booked.lots());
        assertThat(Invariants.check(ledger.lots(), ledger.balance())).isEmpty();
    }

    // ------------------------------------------------------------------ each kind

    @Test
    void reversingAnExtractionVoidsTheLotAndTakesBackWhatWasExtracted() {
        reversesExactly(extract("conc-1", 1_000_000, ORE));
        assertThat(ledger.balance().extracted()).containsOnly(0);
    }

    @Test
    void aVoidLotIdIsBookedAgainByTheCorrectiveExtraction() {
        Extract wrong = extract("conc-1", 9_000_000, ORE);
        accept(wrong);
        accept(reversal(wrong));
        accept(extract("conc-1", 1_000_000, ORE));
        assertThat(get("conc-1").status()).isEqualTo(LotStatus.ACTIVE);
        assertThat(get("conc-1").mass()).isEqualTo(Mass.ofMilligrams(1_000_000));
        assertThat(ledger.balance().extracted()).isEqualTo(ORE.toArray());
        assertThat(ledger.sequence()).isEqualTo(3);
        assertThat(Invariants.check(ledger.lots(), ledger.balance())).isEmpty();
    }

    @Test
    void reversingATransformationOfPartOfItsInputsRestoresTheInputsAndVoidsTheOutputs() {
        accept(importAt(CRACKING_PLANT, "conc", MaterialForm.CONCENTRATE, 10_000_000,
                comp(Element.La, 2_000_000, Element.Nd, 1_000_000, Element.Th, 300_000)));
        accept(importAt(CRACKING_PLANT, "conc-2", MaterialForm.CONCENTRATE, 4_000_000, comp(Element.La, 700_001)));
        reversesExactly(new Transform(id(), t(), CRACKING_PLANT, ProcessKind.CRACKING,
                List.of(new Transform.Input(LotId.of("conc"), Mass.ofMilligrams(3_333_333)),
                        new Transform.Input(LotId.of("conc-2"), Mass.ofMilligrams(4_000_000))),
                List.of(new Transform.Output(LotId.of("mrc"), MaterialForm.MIXED_RE_COMPOUND,
                                Mass.ofMilligrams(3_000_000), comp(Element.La, 1_300_000, Element.Nd, 300_000)),
                        new Transform.Output(LotId.of("res"), MaterialForm.RESIDUE, Mass.ofMilligrams(2_000_000),
                                comp(Element.Th, 90_000))),
                comp(Element.La, 20_000)));
        assertThat(get("conc-2").status()).as("a consumed input is active again").isEqualTo(LotStatus.ACTIVE);
    }

    @Test
    void reversingAShipmentBringsTheLotBackToTheShipper() {
        accept(extract("conc-1", 1_000_000, ORE));
        reversesExactly(new Ship(id(), t(), AMANG_MINE, LotId.of("conc-1"), CONCENTRATOR));
        assertThat(get("conc-1").facility()).isEqualTo(AMANG_MINE);
    }

    @Test
    void reversingALighterReceiptPutsTheLotBackInTransitWithItsShippedMassAndUnbooksTheDifference() {
        accept(extract("conc-1", 1_000_000, ORE));
        accept(new Ship(id(), t(), AMANG_MINE, LotId.of("conc-1"), CONCENTRATOR));
        reversesExactly(new Receive(id(), t(), CONCENTRATOR, LotId.of("conc-1"), Mass.ofMilligrams(990_001)));
        assertThat(get("conc-1").status()).isEqualTo(LotStatus.IN_TRANSIT);
        assertThat(get("conc-1").mass()).isEqualTo(Mass.ofMilligrams(1_000_000));
        assertThat(ledger.balance().unexplained()).containsOnly(0);
    }

    @Test
    void reversingAnAssayRestoresTheBookedCompositionAndActivity() {
        accept(extract("conc-1", 1_000_000, ORE));
        accept(new Assay(id(), t(), AMANG_MINE, LotId.of("conc-1"), ORE, new BigDecimal("0.8")));
        reversesExactly(new Assay(id(), t(), AMANG_MINE, LotId.of("conc-1"),
                comp(Element.La, 120_000, Element.Nd, 40_000), new BigDecimal("1.6")));
        assertThat(get("conc-1").activity()).isEqualByComparingTo("0.8");
    }

    @Test
    void reversingAStockTakeThatFoundNothingReopensTheLot() {
        accept(extract("conc-1", 1_000_000, ORE));
        reversesExactly(new Adjust(id(), t(), AMANG_MINE, LotId.of("conc-1"), Mass.ZERO, Composition.ZERO, "gone"));
        assertThat(get("conc-1").status()).isEqualTo(LotStatus.ACTIVE);
        assertThat(ledger.balance().adjusted()).containsOnly(0);
    }

    @Test
    void reversingAnImportVoidsTheLotAndTakesBackWhatWasImported() {
        reversesExactly(importAt(PORT, "ndpr", MaterialForm.SEPARATED_COMPOUND, 1_200_000, comp(Element.Nd, 740_000)));
        assertThat(ledger.balance().imported()).containsOnly(0);
    }

    @Test
    void reversingAnExportBringsTheLotBackIntoStock() {
        accept(importAt(PORT, "ndpr", MaterialForm.SEPARATED_COMPOUND, 1_200_000, comp(Element.Nd, 740_000)));
        reversesExactly(new Export(id(), t(), PORT, LotId.of("ndpr"), DECLARATION));
        assertThat(ledger.stock(PORT)).isEqualTo(comp(Element.Nd, 740_000));
    }

    @Test
    void reversingADisposalBringsTheResidueBackIntoStock() {
        accept(importAt(CRACKING_PLANT, "res", MaterialForm.RESIDUE, 1_000_000, comp(Element.Th, 60_000)));
        shipAndReceive("res", CRACKING_PLANT, DISPOSAL);
        reversesExactly(new Dispose(id(), t(), DISPOSAL, LotId.of("res")));
        assertThat(get("res").status()).isEqualTo(LotStatus.ACTIVE);
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void reversingAnEventNeverBookedIsRefused() {
        refused(new Reverse(id(), t(), AMANG_MINE, EventId.of("ev-none"), "typo"), "reverse.unknown-event", "original");
    }

    @Test
    void withoutAHistoryEveryReversalIsRefusedAsUnknown() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        assertThat(ledger.apply(reversal(e))).isInstanceOf(Verdict.Rejected.class)
                .extracting(v -> ((Verdict.Rejected) v).code()).isEqualTo("reverse.unknown-event");
    }

    @Test
    void reversingTwiceIsRefusedNamingTheFirstReversal() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        Reverse first = reversal(e);
        accept(first);
        Verdict.Rejected r = refused(reversal(e), "reverse.already-reversed", "original");
        assertThat(r.message()).contains(first.id().value());
    }

    @Test
    void reversingAReversalIsRefused() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        Reverse first = reversal(e);
        accept(first);
        refused(reversal(first), "reverse.of-reversal", "original");
    }

    @Test
    void onlyTheFacilityThatBookedAnEventReversesIt() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        refused(new Reverse(id(), t(), CONCENTRATOR, e.id(), "not mine"), "reverse.not-holder", "facility");
    }

    @Test
    void anEventWhoseLotChangedSinceIsNotReversedUntilTheLaterEventIs() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        Ship ship = new Ship(id(), t(), AMANG_MINE, LotId.of("conc-1"), CONCENTRATOR);
        accept(ship);
        Verdict.Rejected r = refused(reversal(e), "reverse.lot-changed-since", "original");
        assertThat(r.message()).contains("conc-1");

        accept(reversal(ship));
        accept(reversal(e));
        assertThat(get("conc-1").status()).isEqualTo(LotStatus.VOID);
        assertThat(Invariants.check(ledger.lots(), ledger.balance())).isEmpty();
    }

    @Test
    void anEventWhoseCreatedLotWasVoidedAndBookedAgainIsNotReversedAgain() {
        Extract wrong = extract("conc-1", 9_000_000, ORE);
        accept(wrong);
        accept(reversal(wrong));
        Extract right = extract("conc-1", 1_000_000, ORE);
        accept(right);
        refused(reversal(wrong), "reverse.already-reversed", "original");
        // the corrective event is reversible in its turn, back to VOID
        accept(reversal(right));
        assertThat(get("conc-1").status()).isEqualTo(LotStatus.VOID);
    }

    @Test
    void aVoidLotIsClosedToEveryOtherEvent() {
        Extract e = extract("conc-1", 1_000_000, ORE);
        accept(e);
        accept(reversal(e));
        Verdict v = ledger.apply(new Ship(id(), t(), AMANG_MINE, LotId.of("conc-1"), CONCENTRATOR), history);
        assertThat(((Verdict.Rejected) v).code()).isEqualTo("lot.closed");
    }

    @Test
    void aVoidLotThatStillWeighsSomethingBreaksInvariantTwo() {
        Lot broken = new Lot(LotId.of("x"), MaterialForm.ORE, Mass.ofMilligrams(5), Composition.ZERO, AMANG_MINE,
                REGISTRY.operatorOf(AMANG_MINE), LotStatus.VOID, org.reetrace.core.pedigree.Pedigree.EMPTY, null, null);
        assertThat(Invariants.check(List.of(broken), Balance.EMPTY)).extracting(Invariants.Violation::invariant)
                .containsExactly(2);
    }
}

package org.reetrace.core.testing;

import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.AU;
import static org.reetrace.core.testing.RegistryFixture.CN;
import static org.reetrace.core.testing.RegistryFixture.CONCENTRATOR;
import static org.reetrace.core.testing.RegistryFixture.CRACKING_PLANT;
import static org.reetrace.core.testing.RegistryFixture.DISPOSAL;
import static org.reetrace.core.testing.RegistryFixture.ISL_MINE;
import static org.reetrace.core.testing.RegistryFixture.MAGNET_PLANT;
import static org.reetrace.core.testing.RegistryFixture.METAL_PLANT;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;
import static org.reetrace.core.testing.RegistryFixture.UNREGISTERED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

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
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

/**
 * jqwik generators of event streams over {@link RegistryFixture}: mostly plausible mine-to-magnet traffic, mixed
 * with adversarial events (unknown and closed lots, more than remains, zero masses, compositions heavier than the
 * lot, the wrong facility acting, duplicated lot ids, transformations that create elements, receipts at the wrong
 * place or heavier than tolerance allows, ...).
 *
 * <p>A generator cannot know the state the ledger will be in, so it generates {@link Intent}s: what kind of event
 * and which flaw, plus numbers that a {@link Resolver} turns into a concrete event against the ledger as it stands
 * ("the i-th active lot, modulo how many there are"). Shrinking then works on the intents. Typical use:
 *
 * <pre>{@code
 * @Property void p(@ForAll("streams") List<Intent> intents) {
 *     Ledger ledger = Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
 *     Resolver resolver = new Resolver();
 *     for (Intent i : intents) { ledger.apply(resolver.resolve(i, ledger)); ... }
 * }
 * @Provide Arbitrary<List<Intent>> streams() { return EventStreams.intents(60); }
 * }</pre>
 */
public final class EventStreams {

    /** The kind of event an intent asks for. */
    public enum Kind { EXTRACT, IMPORT, ASSAY, SHIP, RECEIVE, TRANSFORM, EXPORT, DISPOSE, ADJUST, REVERSE }

    /** What is wrong with it on purpose; a flaw that does not fit the kind is ignored. */
    public enum Flaw {
        NONE, UNKNOWN_LOT, CLOSED_LOT, BEYOND_REMAINING, ZERO_MASS, HEAVY_COMPOSITION, NOT_HOLDER, DUPLICATE_LOT,
        CREATES_ELEMENT, WRONG_RECEIVER, GAIN_BEYOND_TOLERANCE, UNKNOWN_FACILITY, WRONG_FACILITY_KIND, WRONG_FORM,
        EMPTY, SHIP_TO_ITSELF, NO_ELEMENTS
    }

    /**
     * One step of a stream before it meets the books: the {@code pick}s choose among what exists, {@code size}
     * scales masses, {@code seed} drives the remaining details.
     */
    public record Intent(Kind kind, Flaw flaw, int pick, int pick2, int size, long seed) {
    }

    private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    private EventStreams() {
    }

    /** Intents of which about one in three carries a flaw (many flaws fit only some kinds and are then ignored). */
    public static Arbitrary<Intent> intent() {
        Arbitrary<Kind> kind = Arbitraries.frequency(
                Tuple.of(14, Kind.EXTRACT), Tuple.of(5, Kind.IMPORT), Tuple.of(6, Kind.ASSAY), Tuple.of(14, Kind.SHIP),
                Tuple.of(14, Kind.RECEIVE), Tuple.of(24, Kind.TRANSFORM), Tuple.of(5, Kind.EXPORT),
                Tuple.of(6, Kind.DISPOSE), Tuple.of(5, Kind.ADJUST), Tuple.of(7, Kind.REVERSE));
        Arbitrary<Flaw> flaw = Arbitraries.frequencyOf(
                Tuple.of(65, Arbitraries.just(Flaw.NONE)),
                Tuple.of(35, Arbitraries.of(Flaw.class).filter(f -> f != Flaw.NONE)));
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 999);
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 100);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(kind, flaw, pick, pick, size, seed).as(Intent::new);
    }

    /** Streams of 1 to {@code maxSteps} intents. */
    public static Arbitrary<List<Intent>> intents(int maxSteps) {
        return intent().list().ofMinSize(1).ofMaxSize(maxSteps).withSizeDistribution(RandomDistribution.uniform());
    }

    /**
     * Concrete event streams: each list of intents resolved step by step against a fresh ledger over
     * {@link RegistryFixture#REGISTRY} with {@link Tolerance#DEFAULT}. Contains accepted and refused events.
     */
    public static Arbitrary<List<LedgerEvent>> events(int maxSteps) {
        return intents(maxSteps).map(EventStreams::resolveAll);
    }

    /** Resolves intents one by one against a fresh ledger, applying each; returns every event, refused or not. */
    public static List<LedgerEvent> resolveAll(List<Intent> intents) {
        Ledger ledger = Ledger.empty(RegistryFixture.REGISTRY, Tolerance.DEFAULT);
        MemoryHistory history = new MemoryHistory();
        Resolver resolver = new Resolver();
        List<LedgerEvent> events = new ArrayList<>(intents.size());
        for (Intent i : intents) {
            LedgerEvent e = resolver.resolve(i, ledger);
            if (ledger.apply(e, history) instanceof Verdict.Accepted a) {
                history.record(a.entry());
            }
            events.add(e);
        }
        return events;
    }

    /** Turns intents into events against the current books. One per stream: it numbers events and lots. */
    public static final class Resolver {

        private static final List<FacilityId> CHAIN = List.of(ISL_MINE, AMANG_MINE, CONCENTRATOR, CRACKING_PLANT,
                SEPARATION_PLANT, METAL_PLANT, MAGNET_PLANT, DISPOSAL, PORT);

        private final RegistryFixture registry = RegistryFixture.REGISTRY;
        private int events;
        private int newLots;
        private Random random;
        private Intent intent;
        /** Every event resolved so far, accepted or not: what a reversal may name. */
        private final List<LedgerEvent> resolved = new ArrayList<>();

        public LedgerEvent resolve(Intent intent, Ledger ledger) {
            this.intent = intent;
            this.random = new Random(intent.seed());
            events++;
            LedgerEvent event = kind(ledger);
            resolved.add(event);
            return event;
        }

        private LedgerEvent kind(Ledger ledger) {
            return switch (intent.kind()) {
                case EXTRACT -> extract(ledger);
                case IMPORT -> importLot(ledger);
                case ASSAY -> assay(ledger);
                case SHIP -> ship(ledger);
                case RECEIVE -> receive(ledger);
                case TRANSFORM -> transform(ledger);
                case EXPORT -> export(ledger);
                case DISPOSE -> dispose(ledger);
                case ADJUST -> adjust(ledger);
                case REVERSE -> reverse();
            };
        }

        /**
         * A reversal, mostly of the newest event (usually reversible: nothing built on it yet), else of any earlier
         * one (its lots often changed since, or it was refused, or is itself a reversal), or of the original of
         * the last reversal again (already reversed).
         */
        private LedgerEvent reverse() {
            LedgerEvent original;
            if (resolved.isEmpty() || has(Flaw.UNKNOWN_LOT)) {
                return new Reverse(eventId(), time(), ISL_MINE, EventId.of("ev-ghost-" + events), "no such event");
            }
            List<Reverse> reversals = resolved.stream().filter(e -> e instanceof Reverse).map(e -> (Reverse) e).toList();
            int way = intent.pick() % 6;
            if (way <= 2) {
                original = resolved.getLast();
            } else if (way <= 4 || reversals.isEmpty()) {
                original = resolved.get(intent.pick2() % resolved.size());
            } else {
                EventId again = reversals.getLast().original();
                original = resolved.stream().filter(e -> e.id().equals(again)).findFirst().orElse(resolved.getLast());
            }
            // a reversal by another facility than the one that booked the original, one in ten and with the flaw
            boolean notHolder = has(Flaw.NOT_HOLDER) || intent.pick2() % 10 == 0;
            if (notHolder) {
                // the newest event that is no reversal: most likely booked, so the facility is what gets refused
                original = resolved.reversed().stream().filter(e -> !(e instanceof Reverse)).findFirst()
                        .orElse(original);
            }
            FacilityId booker = original.facility();
            FacilityId at = booker;
            if (notHolder) {
                at = pickFacility(f -> !f.id().equals(booker));
            } else if (has(Flaw.UNKNOWN_FACILITY)) {
                at = UNREGISTERED;
            }
            return new Reverse(eventId(), time(), at, original.id(), "booked in error, step " + events);
        }

        // ------------------------------------------------------------ creating lots

        private LedgerEvent extract(Ledger ledger) {
            FacilityId mine = intent.pick() % 2 == 0 ? ISL_MINE : AMANG_MINE;
            MaterialForm form = mine.equals(AMANG_MINE) && intent.pick2() % 2 == 0 ? MaterialForm.CONCENTRATE : MaterialForm.ORE;
            Mass mass = mass();
            Composition c = has(Flaw.NO_ELEMENTS) ? Composition.ZERO
                    : isSample() ? sampleComposition(mass)
                    : mine.equals(ISL_MINE) ? Compositions.ionAdsorptionLiquor(mass)
                    : form == MaterialForm.CONCENTRATE ? Compositions.monaziteConcentrate(mass) : Compositions.amangOre(mass);
            if (has(Flaw.WRONG_FACILITY_KIND)) {
                mine = pickFacility(f -> !f.kind().extracts());
            }
            if (has(Flaw.UNKNOWN_FACILITY)) {
                mine = UNREGISTERED;
            }
            if (has(Flaw.WRONG_FORM)) {
                form = MaterialForm.values()[2 + random.nextInt(MaterialForm.values().length - 2)];
            }
            if (has(Flaw.ZERO_MASS)) {
                mass = Mass.ZERO;
                c = Composition.ZERO;
            }
            if (has(Flaw.HEAVY_COMPOSITION)) {
                c = heavier(c, mass);
            }
            return new Extract(eventId(), time(), mine, newLotId(ledger), form, mass, c,
                    registry.facility(mine).flatMap(Facility::position).orElse(null));
        }

        private LedgerEvent importLot(Ledger ledger) {
            Mass mass = mass();
            int variant = intent.pick() % 3;
            FacilityId at = variant == 0 ? PORT : variant == 1 ? SEPARATION_PLANT : MAGNET_PLANT;
            MaterialForm form;
            Composition c;
            List<Stage> stages;
            CustomsDeclaration declaration;
            String supplier;
            if (variant == 0) {
                // Mount Weld-type concentrate from Australia: mined there, no processing abroad
                form = MaterialForm.CONCENTRATE;
                c = Compositions.monaziteConcentrate(mass);
                stages = List.of();
                supplier = "au-mtweld-supplier";
                declaration = new CustomsDeclaration("K1-" + events, "2612.20", null, "Mt Weld Mining Pty", AU);
            } else {
                // separated oxide from China: mined and separated there
                form = MaterialForm.SEPARATED_COMPOUND;
                c = variant == 1 ? Compositions.ndprOxide(mass) : Compositions.dyOxide(mass);
                stages = List.of(new Stage(StageKind.MINING, CN, CN), new Stage(StageKind.SEPARATION, CN, CN));
                supplier = "cn-ganzhou-supplier";
                declaration = new CustomsDeclaration("K1-" + events, "2846.90", "AP-" + events, "Ganzhou RE Trading", CN);
            }
            if (isSample()) {
                c = sampleComposition(mass);
            }
            if (has(Flaw.NO_ELEMENTS)) {
                c = Composition.ZERO;
            }
            if (has(Flaw.ZERO_MASS)) {
                mass = Mass.ZERO;
                c = Composition.ZERO;
            }
            if (has(Flaw.HEAVY_COMPOSITION)) {
                c = heavier(c, mass);
            }
            if (has(Flaw.UNKNOWN_FACILITY)) {
                at = UNREGISTERED;
            }
            return new Import(eventId(), time(), at, newLotId(ledger), form, mass, c,
                    variant == 0 ? AU : CN, supplier, stages, declaration);
        }

        // ------------------------------------------------------------ acting on one lot

        private LedgerEvent assay(Ledger ledger) {
            Lot lot = target(ledger, l -> !has(Flaw.NO_ELEMENTS) || l.composition().isZero());
            if (lot == null) {
                return extract(ledger);
            }
            Composition measured = has(Flaw.NO_ELEMENTS)
                    // elements found in a lot whose books say it has none: there is no origin to give them
                    ? Composition.of(Element.La, Math.min(lot.mass().mg(), 500))
                    : perturbed(lot.composition(), lot.mass());
            if (has(Flaw.HEAVY_COMPOSITION)) {
                measured = heavier(measured, lot.mass());
            }
            BigDecimal activity = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(20_000), 3);
            return new Assay(eventId(), time(), actor(lot), lot.id(), measured, activity);
        }

        private LedgerEvent adjust(Ledger ledger) {
            Lot lot = target(ledger, l -> true);
            if (lot == null) {
                return extract(ledger);
            }
            Mass mass;
            Composition c;
            if (random.nextInt(10) == 0 || has(Flaw.ZERO_MASS)) {
                // written off: a stock-take finds nothing
                mass = Mass.ZERO;
                c = Composition.ZERO;
            } else {
                long permille = 990 + random.nextInt(21);
                mass = Mass.ofMilligrams(Math.max(1, ReferenceBooks.floorShare(lot.mass().mg(), permille, 1000)));
                c = Compositions.scaled(lot.composition(), Math.min(permille, 1000), 1000);
                if (c.totalMg() > mass.mg()) {
                    c = Compositions.scaled(lot.composition(), mass.mg(), Math.max(1, lot.mass().mg()));
                }
            }
            if (has(Flaw.HEAVY_COMPOSITION)) {
                c = heavier(c, mass);
            }
            return new Adjust(eventId(), time(), actor(lot), lot.id(), mass, c, "stock-take " + events);
        }

        private LedgerEvent ship(Ledger ledger) {
            Lot lot = target(ledger, l -> true);
            if (lot == null) {
                return extract(ledger);
            }
            FacilityId to = destinationFor(lot);
            if (has(Flaw.SHIP_TO_ITSELF)) {
                to = lot.facility();
            }
            if (has(Flaw.UNKNOWN_FACILITY)) {
                to = UNREGISTERED;
            }
            return new Ship(eventId(), time(), actor(lot), lot.id(), to);
        }

        private LedgerEvent receive(Ledger ledger) {
            List<Lot> inTransit = lots(ledger, l -> l.status() == LotStatus.IN_TRANSIT);
            if (inTransit.isEmpty() && !has(Flaw.UNKNOWN_LOT) && !has(Flaw.CLOSED_LOT)) {
                return ship(ledger);
            }
            Lot lot = inTransit.isEmpty() ? null : inTransit.get(intent.pick() % inTransit.size());
            if (has(Flaw.CLOSED_LOT) || lot == null) {
                List<Lot> other = lots(ledger, l -> l.status() != LotStatus.IN_TRANSIT);
                lot = other.isEmpty() ? lot : other.get(intent.pick2() % other.size());
            }
            LotId id = lot == null || has(Flaw.UNKNOWN_LOT) ? ghostLot() : lot.id();
            FacilityId at = lot != null && lot.destination() != null ? lot.destination() : PORT;
            long shipped = lot == null ? 1_000_000 : lot.mass().mg();
            long received;
            if (has(Flaw.GAIN_BEYOND_TOLERANCE)) {
                received = shipped + Tolerance.DEFAULT.allowanceMg(shipped) + 1 + random.nextInt(1000);
            } else if (has(Flaw.ZERO_MASS)) {
                received = 0;
            } else if (random.nextInt(4) == 0) {
                received = shipped + random.nextLong(Tolerance.DEFAULT.allowanceMg(shipped) + 1);
            } else if (random.nextInt(3) == 0) {
                received = shipped;
            } else {
                // transport loss up to 0.5 %, at least one milligram to keep it positive
                received = Math.max(1, shipped - random.nextLong(shipped / 200 + 2));
            }
            if (has(Flaw.WRONG_RECEIVER) || has(Flaw.NOT_HOLDER)) {
                FacilityId dest = at;
                at = pickFacility(f -> !f.id().equals(dest));
            }
            if (has(Flaw.UNKNOWN_FACILITY)) {
                at = UNREGISTERED;
            }
            return new Receive(eventId(), time(), at, id, Mass.ofMilligrams(received));
        }

        private LedgerEvent export(Ledger ledger) {
            if (intent.flaw() == Flaw.NONE && lots(ledger, l -> l.status() == LotStatus.ACTIVE
                    && l.facility().equals(PORT)).isEmpty()) {
                return ship(ledger);
            }
            Lot lot = target(ledger, l -> l.facility().equals(PORT));
            if (lot == null) {
                return importLot(ledger);
            }
            CustomsDeclaration d = new CustomsDeclaration("K2-" + events, hsCode(lot.form()), "EP-" + events,
                    "Tokyo Magnet Trading", CountryCode.of("JP"));
            return new Export(eventId(), time(), actor(lot), lot.id(), d);
        }

        private LedgerEvent dispose(Ledger ledger) {
            if (intent.flaw() == Flaw.NONE) {
                List<Lot> ready = lots(ledger, l -> l.status() == LotStatus.ACTIVE && l.form() == MaterialForm.RESIDUE
                        && l.facility().equals(DISPOSAL));
                if (!ready.isEmpty()) {
                    return new Dispose(eventId(), time(), DISPOSAL, ready.get(intent.pick() % ready.size()).id());
                }
                List<Lot> residues = lots(ledger, l -> l.status() == LotStatus.ACTIVE && l.form() == MaterialForm.RESIDUE);
                if (!residues.isEmpty()) {
                    Lot r = residues.get(intent.pick() % residues.size());
                    return new Ship(eventId(), time(), r.facility(), r.id(), DISPOSAL);
                }
                return transform(ledger);
            }
            Lot lot = target(ledger, l -> l.form() == MaterialForm.RESIDUE && l.facility().equals(DISPOSAL));
            if (has(Flaw.WRONG_FORM)) {
                lot = target(ledger, l -> l.form() != MaterialForm.RESIDUE);
            }
            if (lot == null) {
                return extract(ledger);
            }
            FacilityId at = actor(lot);
            if (has(Flaw.WRONG_FACILITY_KIND)) {
                at = lot.facility().equals(DISPOSAL) ? PORT : lot.facility();
            }
            return new Dispose(eventId(), time(), at, lot.id());
        }

        // ------------------------------------------------------------ transformations

        private LedgerEvent transform(Ledger ledger) {
            List<Lot> active = lots(ledger, l -> l.status() == LotStatus.ACTIVE);
            if (active.isEmpty()) {
                return extract(ledger);
            }
            List<Lot> barren = lots(ledger, l -> l.status() == LotStatus.ACTIVE && l.composition().isZero());
            if (has(Flaw.NO_ELEMENTS) && !barren.isEmpty()) {
                // elements out of inputs that hold none, within the tolerance floor: refused for want of provenance
                Lot lot = barren.get(intent.pick() % barren.size());
                Composition c = Composition.of(Element.Nd, Math.min(lot.mass().mg(), 1 + random.nextInt(500)));
                return new Transform(eventId(), time(), lot.facility(), ProcessKind.SPLIT,
                        List.of(new Transform.Input(lot.id(), lot.mass())),
                        List.of(new Transform.Output(newLotId(ledger), lot.form(), lot.mass(), c)), Composition.ZERO);
            }
            FacilityId at = active.get(intent.pick() % active.size()).facility();
            List<Lot> here = new ArrayList<>(active.stream().filter(l -> l.facility().equals(at)).toList());
            Facility facility = registry.get(at);
            ProcessKind process = processFor(facility);

            int n = 1 + random.nextInt(Math.min(3, here.size()));
            int first = intent.pick2() % here.size();
            List<Lot> chosen = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                chosen.add(here.get((first + k) % here.size()));
            }
            List<Transform.Input> inputs = new ArrayList<>();
            long[] inLo = new long[Element.count()];
            long[] inHi = new long[Element.count()];
            long inputMass = 0;
            for (Lot lot : chosen) {
                long w = lot.mass().mg();
                long take = w == 1 || random.nextBoolean() ? w : 1 + random.nextLong(w - 1);
                inputs.add(new Transform.Input(lot.id(), Mass.ofMilligrams(take)));
                inputMass += take;
                long[] c = lot.composition().toArray();
                for (int i = 0; i < c.length; i++) {
                    inLo[i] += ReferenceBooks.floorShare(c[i], take, w);
                    inHi[i] += ReferenceBooks.ceilShare(c[i], take, w);
                }
            }
            // what is surely there to share out, even if every element of the share rounds down
            Composition pool = Composition.ofArray(inLo);

            MaterialForm form = outputForm(process, chosen.getFirst().form());
            int outs = process == ProcessKind.SPLIT ? 2 + random.nextInt(2) : 1 + random.nextInt(2);
            boolean residue = process == ProcessKind.CRACKING || process == ProcessKind.LEACHING
                    || process == ProcessKind.CONCENTRATION || (process == ProcessKind.SEPARATION && random.nextBoolean());
            // recovery 90-100 %, declared loss up to a quarter of what is not recovered
            long recoveredPermille = process == ProcessKind.SPLIT || process == ProcessKind.BLEND
                    ? 1000 : 900 + random.nextInt(101);
            Composition recovered = Compositions.scaled(pool, recoveredPermille, 1000);
            Composition notRecovered = pool.minus(recovered);
            Composition loss = Compositions.scaled(notRecovered, random.nextInt(251), 1000);
            // thorium and uranium report to the residue when there is one
            Composition radio = Composition.ZERO.with(Element.Th, recovered.get(Element.Th))
                    .with(Element.U, recovered.get(Element.U));
            List<Composition> parts = residue
                    ? splitInto(recovered.minus(radio), outs + 1)
                    : splitInto(recovered, outs);
            List<Transform.Output> outputs = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                boolean isResidue = residue && k == parts.size() - 1;
                Composition c = isResidue ? parts.get(k).plus(radio) : parts.get(k);
                long extra = Math.max(0, inputMass / parts.size() - c.totalMg());
                long mass = c.totalMg() + (extra == 0 ? 0 : random.nextLong(extra + 1));
                outputs.add(new Transform.Output(newLotId(ledger), isResidue ? MaterialForm.RESIDUE : form,
                        Mass.ofMilligrams(Math.max(1, mass)), c));
            }
            return flawed(ledger, facility, process, inputs, outputs, loss, here, inHi);
        }

        private LedgerEvent flawed(Ledger ledger, Facility facility, ProcessKind process, List<Transform.Input> inputs,
                                   List<Transform.Output> outputs, Composition loss, List<Lot> here, long[] inHi) {
            FacilityId at = facility.id();
            switch (intent.flaw()) {
                case UNKNOWN_LOT -> inputs.set(0, new Transform.Input(ghostLot(), inputs.getFirst().mass()));
                case CLOSED_LOT -> {
                    Lot closed = target(ledger, l -> l.status() != LotStatus.ACTIVE);
                    if (closed != null) {
                        inputs.add(new Transform.Input(closed.id(), Mass.ofMilligrams(1 + random.nextInt(1000))));
                    }
                }
                case BEYOND_REMAINING -> {
                    Lot lot = ledger.lot(inputs.getFirst().lot()).orElseThrow();
                    inputs.set(0, new Transform.Input(lot.id(), Mass.ofMilligrams(lot.mass().mg() + 1 + random.nextInt(1000))));
                }
                case ZERO_MASS -> {
                    if (random.nextBoolean()) {
                        inputs.set(0, new Transform.Input(inputs.getFirst().lot(), Mass.ZERO));
                    } else {
                        Transform.Output o = outputs.getFirst();
                        outputs.set(0, new Transform.Output(o.lot(), o.form(), Mass.ZERO, Composition.ZERO));
                    }
                }
                case HEAVY_COMPOSITION -> {
                    Transform.Output o = outputs.getFirst();
                    outputs.set(0, new Transform.Output(o.lot(), o.form(), o.mass(), heavier(o.composition(), o.mass())));
                }
                case NOT_HOLDER -> at = pickFacility(f -> !f.id().equals(facility.id()));
                case DUPLICATE_LOT -> {
                    switch (random.nextInt(3)) {
                        case 0 -> inputs.add(inputs.getFirst());
                        case 1 -> outputs.add(outputs.getFirst());
                        default -> {
                            Transform.Output o = outputs.getFirst();
                            LotId existing = here.get(random.nextInt(here.size())).id();
                            outputs.set(0, new Transform.Output(existing, o.form(), o.mass(), o.composition()));
                        }
                    }
                }
                case CREATES_ELEMENT -> {
                    Element e = Element.byIndex(random.nextInt(Element.count()));
                    long have = inHi[e.ordinal()];
                    long extra = have - sum(outputs, e) - loss.get(e) + Tolerance.DEFAULT.allowanceMg(have) + 1
                            + random.nextInt(10_000);
                    Transform.Output o = outputs.getFirst();
                    Composition c = o.composition().with(e, o.composition().get(e) + extra);
                    outputs.set(0, new Transform.Output(o.lot(), o.form(), Mass.ofMilligrams(Math.max(o.mass().mg(),
                            c.totalMg())), c));
                }
                case WRONG_FACILITY_KIND -> {
                    ProcessKind unlicensed = java.util.Arrays.stream(ProcessKind.values())
                            .filter(p -> !facility.licensedFor(p)).findFirst().orElse(process);
                    return new Transform(eventId(), time(), at, unlicensed, inputs, outputs, loss);
                }
                case EMPTY -> {
                    if (random.nextBoolean()) {
                        inputs.clear();
                    } else {
                        outputs.clear();
                    }
                }
                case UNKNOWN_FACILITY -> at = UNREGISTERED;
                default -> {
                }
            }
            return new Transform(eventId(), time(), at, process, inputs, outputs, loss);
        }

        private ProcessKind processFor(Facility facility) {
            List<ProcessKind> options = new ArrayList<>(facility.technology().keySet());
            options.sort(Comparator.naturalOrder());
            options.add(ProcessKind.SPLIT);
            options.add(ProcessKind.BLEND);
            return options.get(random.nextInt(options.size()));
        }

        private static MaterialForm outputForm(ProcessKind process, MaterialForm input) {
            return switch (process) {
                case CONCENTRATION -> MaterialForm.CONCENTRATE;
                case CRACKING, LEACHING -> MaterialForm.MIXED_RE_COMPOUND;
                case SEPARATION -> MaterialForm.SEPARATED_COMPOUND;
                case METAL_MAKING -> MaterialForm.METAL_OR_ALLOY;
                case MAGNET_MAKING -> MaterialForm.MAGNET;
                case MANUFACTURING -> MaterialForm.PRODUCT;
                case RECYCLING -> MaterialForm.SCRAP;
                case SPLIT, BLEND -> input;
            };
        }

        /** {@code c} cut into {@code n} parts that add up to it exactly, each element split at random points. */
        private List<Composition> splitInto(Composition c, int n) {
            long[][] parts = new long[n][Element.count()];
            long[] all = c.toArray();
            for (int i = 0; i < all.length; i++) {
                long left = all[i];
                for (int k = 0; k < n - 1; k++) {
                    long p = left == 0 ? 0 : random.nextLong(left + 1);
                    parts[k][i] = p;
                    left -= p;
                }
                parts[n - 1][i] = left;
            }
            List<Composition> r = new ArrayList<>(n);
            for (long[] p : parts) {
                r.add(Composition.ofArray(p));
            }
            return r;
        }

        // ------------------------------------------------------------ choosing

        /** A lot to act on: an active one matching {@code prefer} if any, else any active one; flaws may swap it. */
        private Lot target(Ledger ledger, Predicate<Lot> prefer) {
            if (has(Flaw.CLOSED_LOT)) {
                List<Lot> closed = lots(ledger, l -> l.status() != LotStatus.ACTIVE);
                if (!closed.isEmpty()) {
                    return closed.get(intent.pick() % closed.size());
                }
            }
            List<Lot> preferred = lots(ledger, l -> l.status() == LotStatus.ACTIVE && prefer.test(l));
            List<Lot> active = preferred.isEmpty() ? lots(ledger, l -> l.status() == LotStatus.ACTIVE) : preferred;
            if (active.isEmpty()) {
                return null;
            }
            Lot lot = active.get(intent.pick() % active.size());
            if (has(Flaw.UNKNOWN_LOT)) {
                return new Lot(ghostLot(), lot.form(), lot.mass(), lot.composition(), lot.facility(), lot.holder(),
                        lot.status(), lot.pedigree(), lot.destination(), lot.activity());
            }
            return lot;
        }

        /** Who acts on a lot: its holder, unless the intent is that someone else does. */
        private FacilityId actor(Lot lot) {
            if (has(Flaw.UNKNOWN_FACILITY)) {
                return UNREGISTERED;
            }
            if (has(Flaw.NOT_HOLDER)) {
                return pickFacility(f -> !f.id().equals(lot.facility()));
            }
            return lot.facility();
        }

        private FacilityId destinationFor(Lot lot) {
            if (lot.form() == MaterialForm.RESIDUE) {
                return lot.facility().equals(DISPOSAL) ? PORT : DISPOSAL;
            }
            int here = CHAIN.indexOf(lot.facility());
            if (intent.pick2() % 4 == 0) {
                return pickFacility(f -> !f.id().equals(lot.facility()));
            }
            FacilityId next = switch (lot.form()) {
                case ORE -> lot.facility().equals(ISL_MINE) ? CRACKING_PLANT : CONCENTRATOR;
                case CONCENTRATE -> CRACKING_PLANT;
                case MIXED_RE_COMPOUND -> SEPARATION_PLANT;
                case SEPARATED_COMPOUND -> intent.pick2() % 3 == 0 ? PORT : METAL_PLANT;
                case METAL_OR_ALLOY -> MAGNET_PLANT;
                default -> PORT;
            };
            return next.equals(lot.facility()) ? CHAIN.get((here + 1) % CHAIN.size()) : next;
        }

        private FacilityId pickFacility(Predicate<Facility> which) {
            List<Facility> options = registry.facilities().stream().filter(which).toList();
            return options.get(random.nextInt(options.size())).id();
        }

        private static List<Lot> lots(Ledger ledger, Predicate<Lot> which) {
            List<Lot> r = new ArrayList<>(ledger.lots().stream().filter(which).toList());
            r.sort(Comparator.comparing(Lot::id));
            return r;
        }

        // ------------------------------------------------------------ numbers

        private boolean has(Flaw flaw) {
            return intent.flaw() == flaw;
        }

        /** One in ten lots is a laboratory-sized sample of a few milligrams: where rounding bites. */
        private boolean isSample() {
            return intent.size() % 10 == 0;
        }

        private Mass mass() {
            if (isSample()) {
                return Mass.ofMilligrams(1 + random.nextInt(40));
            }
            // 1 kg to 100 t, with a random number of milligrams so that nothing divides evenly
            return Mass.ofMilligrams(intent.size() * (1_000_000L + random.nextLong(999_000_000L)) + random.nextInt(1000));
        }

        /** Up to the whole mass spread over two to five random elements. */
        private Composition sampleComposition(Mass mass) {
            long left = random.nextLong(mass.mg() + 1);
            Composition c = Composition.ZERO;
            int elements = 2 + random.nextInt(4);
            for (int k = 0; k < elements && left > 0; k++) {
                Element e = Element.byIndex(random.nextInt(Element.count()));
                long m = k == elements - 1 ? left : random.nextLong(left + 1);
                c = c.with(e, c.get(e) + m);
                left -= m;
            }
            return c;
        }

        /** Each element within 2 % of booked, the total kept within the lot's mass. */
        private Composition perturbed(Composition c, Mass mass) {
            long[] mg = c.toArray();
            for (int i = 0; i < mg.length; i++) {
                mg[i] = Compositions.scaled(Composition.of(Element.byIndex(i), mg[i]), 980 + random.nextInt(41), 1000)
                        .get(Element.byIndex(i));
            }
            Composition p = Composition.ofArray(mg);
            return p.totalMg() <= mass.mg() ? p : c;
        }

        /** {@code c} with one element raised so that the elements weigh more than {@code mass}. */
        private Composition heavier(Composition c, Mass mass) {
            Element e = Element.byIndex(random.nextInt(Element.count()));
            return c.with(e, c.get(e) + mass.mg() - c.totalMg() + 1 + random.nextInt(1000));
        }

        private static long sum(List<?> parts, Element e) {
            long s = 0;
            for (Object p : parts) {
                s += p instanceof Composition c ? c.get(e) : ((Transform.Output) p).composition().get(e);
            }
            return s;
        }

        private static String hsCode(MaterialForm form) {
            return switch (form) {
                case ORE, CONCENTRATE -> "2612.20";
                case METAL_OR_ALLOY -> "2805.30";
                case MAGNET -> "8505.11";
                default -> "2846.90";
            };
        }

        private LotId newLotId(Ledger ledger) {
            if (has(Flaw.DUPLICATE_LOT) && !ledger.lots().isEmpty()) {
                List<Lot> all = lots(ledger, l -> true);
                return all.get(intent.pick2() % all.size()).id();
            }
            return LotId.of("lot-" + (++newLots));
        }

        private LotId ghostLot() {
            return LotId.of("lot-ghost-" + events);
        }

        private EventId eventId() {
            return EventId.of("ev-" + events);
        }

        private Instant time() {
            return START.plusSeconds(3600L * events);
        }
    }

}

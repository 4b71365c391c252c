package org.reetrace.core.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.provenance.PedigreeShares;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.RegistrySnapshot;

/**
 * What a rule sees: the subject (an event, a lot, or a supply of lots), the instant it is judged at, the registry
 * as it stood then, and the books. Built once per subject and shared by every rule of every pack, so each CEL
 * variable is made once, and only if a rule reads it ({@link #variable}).
 *
 * <p>For an event that acts on a lot, {@code lot} is that lot as it stands before the event; for EXTRACT and
 * IMPORT it is the lot the event creates, with the pedigree the ledger will give it; TRANSFORM has no single lot
 * (its inputs and outputs are in {@code event}).
 */
public final class RuleContext {

    private static final double MG_PER_KG = 1_000_000.0;
    private static final CountryCode UNKNOWN_COUNTRY = CountryCode.of("ZZ");
    private static final OperatorId UNKNOWN_OPERATOR = OperatorId.of("unknown");

    private final Subject subject;
    private final Instant at;
    private final RegistrySnapshot registry;
    private final LedgerFacts facts;
    private final LedgerEvent event;
    private final Lot lot;
    private final List<Lot> supply;
    private final Facility facility;
    private final Map<String, Object> memo = new HashMap<>();
    // the CEL variables, each made on first read
    private Map<String, Object> eventVariable;
    private Map<String, Object> lotVariable;
    private Map<String, Object> facilityVariable;
    private Map<String, Object> operatorVariable;
    private List<Map<String, Object>> supplyVariable;

    private RuleContext(Subject subject, Instant at, RegistrySnapshot registry, LedgerFacts facts, LedgerEvent event,
                        Lot lot, List<Lot> supply) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.at = Objects.requireNonNull(at, "at");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.event = event;
        this.lot = lot;
        this.supply = List.copyOf(supply);
        this.facility = event != null ? registry.facility(event.facility()).orElse(null)
                : lot != null ? registry.facility(lot.facility()).orElse(null) : null;
    }

    /** An event at ingest, judged at its own time against {@code registry} (the registry as of that time). */
    public static RuleContext forEvent(LedgerEvent event, RegistrySnapshot registry, LedgerFacts facts) {
        Lot lot = switch (event) {
            case Extract e -> {
                CountryCode mined = country(registry, event);
                yield created(e.lot(), e.form(), e.mass(), e.composition(), registry, event,
                        Pedigree.extracted(e.facility().value(), mined, e.composition()));
            }
            case Import e -> created(e.lot(), e.form(), e.mass(), e.composition(), registry, event,
                    Pedigree.imported(e.supplier(), e.originCountry(), e.upstreamStages(), e.composition()));
            case Assay e -> facts.lot(e.lot()).orElse(null);
            case Ship e -> facts.lot(e.lot()).orElse(null);
            case Receive e -> facts.lot(e.lot()).orElse(null);
            case Export e -> facts.lot(e.lot()).orElse(null);
            case Dispose e -> facts.lot(e.lot()).orElse(null);
            case Adjust e -> facts.lot(e.lot()).orElse(null);
            // a reversal restores what was; what it names is an event, and its lots are the original's
            case Transform e -> null;
            case Reverse e -> null;
        };
        return new RuleContext(Subject.of(event.type()), event.time(), registry, facts, event, lot, List.of());
    }

    /**
     * The customs pre-check: would exporting {@code lot} under {@code declaration} at {@code at} pass? The lot is
     * judged as an EXPORT event from the facility that holds it.
     */
    public static RuleContext forExport(Lot lot, CustomsDeclaration declaration, Instant at, RegistrySnapshot registry,
                                        LedgerFacts facts) {
        Export e = new Export(EventId.of("precheck:" + declaration.number().replaceAll("\\s", "_")), at,
                lot.facility(), lot.id(), declaration);
        return new RuleContext(Subject.EXPORT, at, registry, facts, e, lot, List.of());
    }

    /** A lot assessed on demand at any instant, e.g. against a rule as it will stand on 2027-01-01. */
    public static RuleContext forLot(Lot lot, Instant at, RegistrySnapshot registry) {
        return new RuleContext(Subject.LOT, at, registry, LedgerFacts.NONE, null, lot, List.of());
    }

    /** A set of lots (a buyer's supply) assessed together: their pedigrees pooled into one. */
    public static RuleContext forSupply(List<Lot> lots, Instant at, RegistrySnapshot registry) {
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("a supply assessment needs at least one lot");
        }
        Composition c = Composition.ZERO;
        long mg = 0;
        List<Pedigree> pedigrees = new ArrayList<>();
        for (Lot l : lots) {
            c = c.plus(l.composition());
            mg = Math.addExact(mg, l.mass().mg());
            pedigrees.add(l.pedigree());
        }
        Lot first = lots.getFirst();
        Lot pooled = new Lot(LotId.of("supply-of-" + lots.size()), first.form(), Mass.ofMilligrams(mg), c,
                first.facility(), first.holder(), LotStatus.ACTIVE, PedigreeShares.pooled(pedigrees), null, null);
        return new RuleContext(Subject.SUPPLY, at, registry, LedgerFacts.NONE, null, pooled, lots);
    }

    private static CountryCode country(RegistrySnapshot r, LedgerEvent e) {
        return r.facility(e.facility()).map(Facility::country).orElse(UNKNOWN_COUNTRY);
    }

    private static Lot created(LotId id, org.reetrace.core.lot.MaterialForm form, Mass mass, Composition c,
                               RegistrySnapshot registry, LedgerEvent e, Pedigree pedigree) {
        if (c.totalMg() > mass.mg()) {
            return null; // the ledger refuses it anyway
        }
        Facility f = registry.facility(e.facility()).orElse(null);
        return new Lot(id, form, mass, c, e.facility(),
                f == null ? UNKNOWN_OPERATOR : f.operator(),
                LotStatus.ACTIVE, pedigree, null, null);
    }

    public Subject subject() {
        return subject;
    }

    public Instant at() {
        return at;
    }

    public RegistrySnapshot registry() {
        return registry;
    }

    public LedgerFacts facts() {
        return facts;
    }

    public Optional<LedgerEvent> event() {
        return Optional.ofNullable(event);
    }

    public Optional<Lot> lot() {
        return Optional.ofNullable(lot);
    }

    public List<Lot> supply() {
        return supply;
    }

    /** The facility that acts (events) or holds the lot (assessments). */
    public Optional<Facility> facility() {
        return Optional.ofNullable(facility);
    }

    /** Per-subject cache for the functions (a pedigree share asked by three rules is computed once). */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /** A CEL variable: event, lot, facility, operator or supply (params are the pack's); empty for any other name. */
    Optional<Object> variable(String name) {
        return Optional.ofNullable(switch (name) {
            case "event" -> eventVariable != null ? eventVariable : (eventVariable = EVENT.over(this));
            case "lot" -> lotVariable != null ? lotVariable : (lotVariable = LOT.over(lot));
            case "facility" -> facilityVariable != null ? facilityVariable : (facilityVariable = FACILITY.over(facility));
            case "operator" -> operatorVariable != null ? operatorVariable : (operatorVariable = OPERATOR.over(
                    facility == null ? null : registry.operator(facility.operator()).orElse(null)));
            case "supply" -> supplyVariable != null ? supplyVariable
                    : (supplyVariable = supply.stream().map(LOT::over).toList());
            default -> null;
        });
    }

    // The variables' keys and values as rules/README.md documents them: every key present, absent values '', 0.0
    // or false. Values are computed when read (FieldMap).

    private static final FieldMap.Schema<CustomsDeclaration> DECLARATION = FieldMap.<CustomsDeclaration>schema()
            .field("number", d -> d == null ? "" : d.number())
            .field("hsCode", d -> d == null ? "" : d.hsCode())
            .field("permit", d -> d == null || d.permit() == null ? "" : d.permit())
            .field("counterparty", d -> d == null ? "" : d.counterparty())
            .field("country", d -> d == null ? "" : d.country().alpha2())
            .build();

    private static final FieldMap.Schema<RuleContext> EVENT = FieldMap.<RuleContext>schema()
            .field("type", c -> c.subject.name())
            .field("id", c -> c.event == null ? "" : c.event.id().value())
            .field("facility", c -> c.event != null ? c.event.facility().value()
                    : c.facility == null ? "" : c.facility.id().value())
            .field("time", c -> c.at.toString())
            .field("lot", c -> c.lot == null ? "" : c.lot.id().value())
            .field("form", c -> c.lot == null ? "" : c.lot.form().name())
            .field("massKg", c -> switch (c.event) {
                case Receive e -> e.receivedMass().mg() / MG_PER_KG;
                case Adjust e -> e.mass().mg() / MG_PER_KG;
                case null, default -> c.lot == null ? 0.0 : c.lot.mass().mg() / MG_PER_KG;
            })
            .field("hasLocation", c -> c.event instanceof Extract e && e.location() != null)
            .field("lat", c -> c.event instanceof Extract e && e.location() != null ? e.location().latitude() : 0.0)
            .field("lon", c -> c.event instanceof Extract e && e.location() != null ? e.location().longitude() : 0.0)
            .field("destination", c -> c.event instanceof Ship e ? e.destination().value() : "")
            .field("process", c -> c.event instanceof Transform e ? e.process().name() : "")
            .field("assayed", c -> c.event instanceof Assay e && e.activity() != null)
            .field("activity", c -> c.event instanceof Assay e && e.activity() != null ? e.activity().doubleValue() : 0.0)
            .field("originCountry", c -> c.event instanceof Import e ? e.originCountry().alpha2() : "")
            .field("supplier", c -> c.event instanceof Import e ? e.supplier() : "")
            .field("hasDeclaration", c -> c.event instanceof Export || c.event instanceof Import)
            .field("declaration", c -> DECLARATION.over(switch (c.event) {
                case Export e -> e.declaration();
                case Import e -> e.declaration();
                case null, default -> null;
            }))
            .field("inputs", c -> c.event instanceof Transform e
                    ? e.inputs().stream().map(i -> (Object) Map.of("lot", i.lot().value(), "massKg", i.mass().mg() / MG_PER_KG)).toList()
                    : List.of())
            .field("outputs", c -> c.event instanceof Transform e
                    ? e.outputs().stream().map(o -> (Object) Map.of("lot", o.lot().value(), "form", o.form().name(),
                            "massKg", o.mass().mg() / MG_PER_KG)).toList()
                    : List.of())
            .build();

    private static final FieldMap.Schema<Lot> LOT = FieldMap.<Lot>schema()
            .field("present", l -> l != null)
            .field("id", l -> l == null ? "" : l.id().value())
            .field("form", l -> l == null ? "" : l.form().name())
            .field("status", l -> l == null ? "" : l.status().name())
            .field("massKg", l -> l == null ? 0.0 : l.mass().mg() / MG_PER_KG)
            .field("facility", l -> l == null ? "" : l.facility().value())
            .field("holder", l -> l == null ? "" : l.holder().value())
            .field("assayed", l -> l != null && l.activity() != null)
            .field("activity", l -> l == null || l.activity() == null ? 0.0 : l.activity().doubleValue())
            .field("elementsKg", RuleContext::elementsKg)
            .field("treoKg", l -> l == null ? 0.0 : l.composition().treoMg() / MG_PER_KG)
            .build();

    private static Map<String, Object> elementsKg(Lot lot) {
        Map<String, Object> elements = new LinkedHashMap<>();
        if (lot != null) {
            for (Element e : Element.values()) {
                long mg = lot.composition().get(e);
                if (mg != 0) {
                    elements.put(e.symbol(), mg / MG_PER_KG);
                }
            }
        }
        return elements;
    }

    private static final FieldMap.Schema<Facility> FACILITY = FieldMap.<Facility>schema()
            .field("present", f -> f != null)
            .field("id", f -> f == null ? "" : f.id().value())
            .field("name", f -> f == null ? "" : f.name())
            .field("kind", f -> f == null ? "" : f.kind().name())
            .field("country", f -> f == null ? "" : f.country().alpha2())
            .field("operator", f -> f == null ? "" : f.operator().value())
            .build();

    private static final FieldMap.Schema<Operator> OPERATOR = FieldMap.<Operator>schema()
            .field("present", o -> o != null)
            .field("id", o -> o == null ? "" : o.id().value())
            .field("name", o -> o == null ? "" : o.name())
            .field("country", o -> o == null ? "" : o.country().alpha2())
            .build();
}

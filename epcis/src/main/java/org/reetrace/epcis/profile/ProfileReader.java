package org.reetrace.epcis.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.ObjectEvent;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;
import org.reetrace.epcis.document.TransformationEvent;

import static org.reetrace.epcis.profile.RareEarthProfile.*;

/**
 * Reads an EPCIS event written to the rare-earth profile as the ledger event it stands for. The event must
 * already be valid EPCIS (schema-checked); this checks only what the profile adds. Pure and stateless.
 *
 * <p>{@code eventID} becomes the ledger's event id; an event without one gets {@code fallbackId} (the capture
 * assigns one, since the ledger's idempotency is by id).
 */
public final class ProfileReader {
    private static final BigDecimal BQ_PER_KG_PER_BQ_PER_G = BigDecimal.valueOf(1000);

    private ProfileReader() {
    }

    public static ProfileReading read(EpcisEvent event, String fallbackId) {
        Optional<String> declared = declaredLedgerEvent(event);
        if (declared.isEmpty()) {
            return new ProfileReading.NotProfiled();
        }
        try {
            if (declared.get().isBlank()) {
                throw new Refusal("/" + PREFIX + ":" + LEDGER_EVENT,
                        "the ledger event is one text such as EXTRACT, not an object, a list or empty");
            }
            EventType type;
            try {
                type = EventType.valueOf(declared.get());
            } catch (IllegalArgumentException e) {
                throw new Refusal("/" + PREFIX + ":" + LEDGER_EVENT, "not a ledger event: " + declared.get());
            }
            if (event.errorDeclaration() != null) {
                return new ProfileReading.Profiled(new Reading(event, fallbackId).reversal());
            }
            return new ProfileReading.Profiled(new Reading(event, fallbackId).as(type));
        } catch (Refusal r) {
            return new ProfileReading.Invalid(r.field, r.getMessage());
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            // a core constructor refused a value (an id too long, a negative mass, a blank reason)
            return new ProfileReading.Invalid("", e.getMessage());
        }
    }

    /** A profile rule broken at {@code field}; never leaves this class. */
    private static final class Refusal extends RuntimeException {
        final String field;

        Refusal(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** One event being read. */
    private static final class Reading {
        private final EpcisEvent e;
        private final EventId id;

        Reading(EpcisEvent e, String fallbackId) {
            this.e = e;
            this.id = EventId.of(e.eventID() != null ? e.eventID() : fallbackId);
        }

        /**
         * An error declaration (EPCIS 2.0 section 7.4.1.2): the event is declared wrong, so the ledger reverses the
         * event its eventID names, at the declaration's time. The rest of the event repeats the original and is
         * not read again: the ledger reverses what it booked, not what the declaration says was booked.
         */
        Reverse reversal() {
            ErrorDeclaration d = e.errorDeclaration();
            String reversalId = optionalText(e.extensions(), REVERSAL).orElse(reversalId(id.value()));
            String reason = optionalText(e.extensions(), REVERSAL_REASON)
                    .orElse(d.reason() != null ? d.reason() : "error declared in EPCIS");
            return new Reverse(EventId.of(reversalId), d.declarationTime(), facility(), id, reason);
        }

        LedgerEvent as(EventType type) {
            if (type == EventType.REVERSE) {
                throw new Refusal("/errorDeclaration", "a REVERSE is written as an error declaration of the event it reverses");
            }
            if (type != EventType.TRANSFORM && !(e instanceof ObjectEvent)) {
                throw new Refusal("/type", type + " is written as an ObjectEvent, not " + e.eventType());
            }
            if (type == EventType.TRANSFORM && !(e instanceof TransformationEvent)) {
                throw new Refusal("/type", "TRANSFORM is written as a TransformationEvent, not " + e.eventType());
            }
            if (!bizStep(type).equals(e.bizStep())) {
                throw new Refusal("/bizStep", type + " has bizStep " + bizStep(type) + ", not " + e.bizStep());
            }
            FacilityId facility = facility();
            return switch (type) {
                case EXTRACT -> {
                    action(Action.ADD);
                    QuantityElement q = singleQuantity(true);
                    LotMaster m = lotMasters().get(q.epcClass());
                    if (m == null) {
                        throw new Refusal("/ilmd", "no " + PREFIX + ":" + LOT + " for " + q.epcClass());
                    }
                    yield new Extract(id, e.eventTime(), facility, lotOf(q.epcClass()), m.form, mass(q, "/quantityList/0"),
                            m.composition, position());
                }
                case ASSAY -> {
                    action(Action.OBSERVE);
                    QuantityElement q = singleQuantity(false);
                    yield assay(facility, lotOf(q.epcClass()));
                }
                case SHIP -> {
                    action(Action.OBSERVE);
                    QuantityElement q = singleQuantity(false);
                    SourceDest to = e.destinationList().stream().filter(d -> d.type().endsWith("SDT-location"))
                            .findFirst().orElseThrow(() -> new Refusal("/destinationList",
                                    "SHIP names its destination facility as a destination of type location"));
                    yield new Ship(id, e.eventTime(), facility, lotOf(q.epcClass()), facilityOf(to.id()));
                }
                case RECEIVE -> {
                    action(Action.OBSERVE);
                    QuantityElement q = singleQuantity(true);
                    yield new Receive(id, e.eventTime(), facility, lotOf(q.epcClass()), mass(q, "/quantityList/0"));
                }
                case EXPORT -> {
                    action(Action.OBSERVE);
                    QuantityElement q = singleQuantity(false);
                    String counterparty = party(e.destinationList(), "/destinationList");
                    yield new Export(id, e.eventTime(), facility, lotOf(q.epcClass()), customs(counterparty));
                }
                case IMPORT -> {
                    action(Action.ADD);
                    QuantityElement q = singleQuantity(true);
                    LotMaster m = lotMasters().get(q.epcClass());
                    if (m == null) {
                        throw new Refusal("/ilmd", "no " + PREFIX + ":" + LOT + " for " + q.epcClass());
                    }
                    String counterparty = party(e.sourceList(), "/sourceList");
                    List<Stage> stages = new ArrayList<>();
                    for (Extension s : all(e.extensions(), UPSTREAM_STAGE)) {
                        stages.add(new Stage(StageKind.valueOf(text(s.children(), STAGE_KIND, "/" + PREFIX + ":" + UPSTREAM_STAGE)),
                                country(text(s.children(), STAGE_COUNTRY, "/" + PREFIX + ":" + UPSTREAM_STAGE)),
                                country(text(s.children(), STAGE_TECHNOLOGY_COUNTRY, "/" + PREFIX + ":" + UPSTREAM_STAGE))));
                    }
                    yield new Import(id, e.eventTime(), facility, lotOf(q.epcClass()), m.form, mass(q, "/quantityList/0"),
                            m.composition, country(text(e.extensions(), ORIGIN_COUNTRY, "")),
                            text(e.extensions(), SUPPLIER, ""), stages, customs(counterparty));
                }
                case DISPOSE -> {
                    action(Action.DELETE);
                    yield new Dispose(id, e.eventTime(), facility, lotOf(singleQuantity(false).epcClass()));
                }
                case ADJUST -> {
                    action(Action.OBSERVE);
                    QuantityElement q = singleQuantity(true);
                    Extension c = one(e.extensions(), COMPOSITION, "");
                    yield new Adjust(id, e.eventTime(), facility, lotOf(q.epcClass()), mass(q, "/quantityList/0"),
                            composition(c, "/" + PREFIX + ":" + COMPOSITION), text(e.extensions(), ADJUSTMENT_REASON, ""));
                }
                case TRANSFORM -> transform(facility);
                case REVERSE -> throw new IllegalStateException("a REVERSE without error declaration is refused above");
            };
        }

        private Transform transform(FacilityId facility) {
            String processName = text(e.extensions(), PROCESS, "");
            ProcessKind process;
            try {
                process = ProcessKind.valueOf(processName);
            } catch (IllegalArgumentException x) {
                throw new Refusal("/" + PREFIX + ":" + PROCESS, "not a process: " + processName);
            }
            List<Transform.Input> inputs = new ArrayList<>();
            for (int i = 0; i < e.inputQuantityList().size(); i++) {
                QuantityElement q = e.inputQuantityList().get(i);
                inputs.add(new Transform.Input(lotOf(q.epcClass()), mass(q, "/inputQuantityList/" + i)));
            }
            Map<String, LotMaster> masters = lotMasters();
            List<Transform.Output> outputs = new ArrayList<>();
            for (int i = 0; i < e.outputQuantityList().size(); i++) {
                QuantityElement q = e.outputQuantityList().get(i);
                LotMaster m = masters.get(q.epcClass());
                if (m == null) {
                    throw new Refusal("/ilmd", "no " + PREFIX + ":" + LOT + " for output " + q.epcClass());
                }
                outputs.add(new Transform.Output(lotOf(q.epcClass()), m.form, mass(q, "/outputQuantityList/" + i),
                        m.composition));
            }
            if (!e.inputEPCList().isEmpty() || !e.outputEPCList().isEmpty()) {
                throw new Refusal("/inputEPCList", "lots are classes: inputs and outputs go in the quantity lists");
            }
            List<Extension> loss = all(e.extensions(), DECLARED_LOSS);
            Composition declaredLoss = loss.isEmpty() ? Composition.ZERO
                    : composition(loss.getFirst(), "/" + PREFIX + ":" + DECLARED_LOSS);
            return new Transform(id, e.eventTime(), facility, process, inputs, outputs, declaredLoss);
        }

        private Assay assay(FacilityId facility, LotId lot) {
            Map<Element, Long> mg = new EnumMap<>(Element.class);
            BigDecimal activity = null;
            for (int s = 0; s < e.sensorElementList().size(); s++) {
                SensorElement element = e.sensorElementList().get(s);
                for (int r = 0; r < element.reports().size(); r++) {
                    SensorReport report = element.reports().get(r);
                    String at = "/sensorElementList/" + s + "/sensorReport/" + r;
                    if (MEASUREMENT_MASS.equals(report.type())) {
                        Element el = elementOfSubstance(report.chemicalSubstance()).orElseThrow(() -> new Refusal(
                                at + "/chemicalSubstance", "not an element the ledger books: " + report.chemicalSubstance()));
                        if (report.value() == null) {
                            throw new Refusal(at + "/value", "an element's mass needs a value");
                        }
                        long value = massMg(report.value(), report.uom(), at + "/uom").mg();
                        if (mg.put(el, value) != null) {
                            throw new Refusal(at + "/chemicalSubstance", el + " is reported twice");
                        }
                    } else if (MEASUREMENT_RADIOACTIVITY.equals(report.type())) {
                        if (!UOM_BECQUEREL_PER_KG.equals(report.uom()) || report.value() == null) {
                            throw new Refusal(at + "/uom", "radioactivity is a value in " + UOM_BECQUEREL_PER_KG
                                    + " (Bq/kg), not " + report.uom());
                        }
                        activity = report.value().divide(BQ_PER_KG_PER_BQ_PER_G).stripTrailingZeros();
                    }
                }
            }
            if (mg.isEmpty()) {
                throw new Refusal("/sensorElementList", "an assay reports at least one element's mass");
            }
            return new Assay(id, e.eventTime(), facility, lot, Composition.of(mg), activity);
        }

        private void action(Action expected) {
            if (e.action() != expected) {
                throw new Refusal("/action", "expected action " + expected + ", found " + e.action());
            }
        }

        private FacilityId facility() {
            if (e.bizLocation() == null) {
                throw new Refusal("/bizLocation", "a ledger event names its facility in bizLocation");
            }
            return facilityOf(e.bizLocation().id());
        }

        private GeoPoint position() {
            if (e.readPoint() == null || !e.readPoint().id().startsWith("geo:")) {
                return null;
            }
            String[] latLon = e.readPoint().id().substring(4).split("[,;]");
            try {
                return new GeoPoint(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]));
            } catch (RuntimeException x) {
                throw new Refusal("/readPoint/id", "not a geo URI (geo:lat,lon): " + e.readPoint().id());
            }
        }

        private QuantityElement singleQuantity(boolean needsMass) {
            if (e.quantityList().size() != 1 || !e.epcList().isEmpty()) {
                throw new Refusal("/quantityList", "names exactly one lot, as one quantity element (no epcList)");
            }
            QuantityElement q = e.quantityList().getFirst();
            if (needsMass && q.quantity() == null) {
                throw new Refusal("/quantityList/0/quantity", "needs the lot's mass");
            }
            return q;
        }

        private Mass mass(QuantityElement q, String at) {
            if (q.quantity() == null) {
                throw new Refusal(at + "/quantity", "needs a mass");
            }
            return massMg(q.quantity(), q.uom(), at + "/uom");
        }

        private CustomsDeclaration customs(String counterparty) {
            String number = null;
            String permit = null;
            for (BizTransaction t : e.bizTransactionList()) {
                if (BTT_CUSTOMS_DECLARATION.equals(t.type())) {
                    number = decode(CUSTOMS_URN, t.value());
                } else if (BTT_PERMIT.equals(t.type())) {
                    permit = decode(PERMIT_URN, t.value());
                }
            }
            if (number == null) {
                throw new Refusal("/bizTransactionList", "needs a business transaction of type " + BTT_CUSTOMS_DECLARATION
                        + " with a value " + CUSTOMS_URN + "<number>");
            }
            return new CustomsDeclaration(number, text(e.extensions(), HS_CODE, ""), permit, counterparty,
                    country(text(e.extensions(), COUNTERPARTY_COUNTRY, "")));
        }

        private static String party(List<SourceDest> list, String at) {
            return list.stream().filter(d -> d.type().endsWith("SDT-owning_party"))
                    .map(d -> decode(PARTY_URN, d.id())).filter(java.util.Objects::nonNull).findFirst()
                    .orElseThrow(() -> new Refusal(at, "names the foreign counterparty as owning_party " + PARTY_URN + "<name>"));
        }

        private Map<String, LotMaster> lotMasters() {
            Map<String, LotMaster> masters = new java.util.LinkedHashMap<>();
            for (Extension lot : all(e.ilmd(), LOT)) {
                String at = "/ilmd/" + PREFIX + ":" + LOT;
                String epcClass = text(lot.children(), EPC_CLASS, at);
                String formName = text(lot.children(), MATERIAL_FORM, at);
                MaterialForm form;
                try {
                    form = MaterialForm.valueOf(formName);
                } catch (IllegalArgumentException x) {
                    throw new Refusal(at + "/" + PREFIX + ":" + MATERIAL_FORM, "not a material form: " + formName);
                }
                masters.put(epcClass, new LotMaster(form,
                        composition(one(lot.children(), COMPOSITION, at), at + "/" + PREFIX + ":" + COMPOSITION)));
            }
            return masters;
        }
    }

    private record LotMaster(MaterialForm form, Composition composition) {
    }

    /** Element masses in whole mg, one child per element symbol: {@code {"ree:Nd": 1200000}}. */
    static Composition composition(Extension c, String at) {
        if (c.value() != null && !c.value().isBlank()) {
            // a text or number where the element masses belong: refused, never read as "no elements"
            throw new Refusal(at, "a composition is an object of element masses in mg such as {\"ree:Nd\": 1200000}, not "
                    + c.value().strip());
        }
        Map<Element, Long> mg = new EnumMap<>(Element.class);
        for (Extension x : c.children()) {
            Element el = NAMESPACE.equals(x.namespace()) ? Element.bySymbol(x.localName()).orElse(null) : null;
            if (el == null) {
                throw new Refusal(at + "/" + x.localName(), "not an element the ledger books: " + x.localName());
            }
            try {
                mg.put(el, new BigDecimal(x.value()).longValueExact());
            } catch (RuntimeException e) {
                throw new Refusal(at + "/" + PREFIX + ":" + el, "element masses are whole milligrams: " + x.value());
            }
        }
        return Composition.of(mg);
    }

    static Mass massMg(BigDecimal quantity, String uom, String at) {
        if (uom == null) {
            throw new Refusal(at, "bulk material carries a unit: " + UOM_KILOGRAM);
        }
        return switch (uom) {
            case UOM_KILOGRAM -> Mass.ofKilograms(quantity);
            case "TNE" -> Mass.ofKilograms(quantity.movePointRight(3));
            case "GRM" -> Mass.ofKilograms(quantity.movePointLeft(3));
            case UOM_MILLIGRAM -> Mass.ofKilograms(quantity.movePointLeft(6));
            default -> throw new Refusal(at, "a mass is in KGM (or TNE, GRM, MGM), not " + uom);
        };
    }

    private static CountryCode country(String alpha2) {
        return CountryCode.of(alpha2);
    }

    private static List<Extension> all(List<Extension> list, String localName) {
        return list.stream().filter(x -> is(x, localName)).toList();
    }

    private static Extension one(List<Extension> list, String localName, String at) {
        List<Extension> found = all(list, localName);
        if (found.size() != 1) {
            throw new Refusal(at + "/" + PREFIX + ":" + localName, "expected one " + PREFIX + ":" + localName
                    + ", found " + found.size());
        }
        return found.getFirst();
    }

    private static Optional<String> optionalText(List<Extension> list, String localName) {
        return list.stream().filter(x -> is(x, localName)).map(Extension::value)
                .filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst();
    }

    private static String text(List<Extension> list, String localName, String at) {
        String v = one(list, localName, at).value();
        if (v == null || v.isBlank()) {
            throw new Refusal(at + "/" + PREFIX + ":" + localName, "is empty");
        }
        return v.strip();
    }
}

package org.reetrace.epcis.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
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
import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.Action;
import org.reetrace.epcis.document.BizTransaction;
import org.reetrace.epcis.document.Cbv;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.ErrorDeclaration;
import org.reetrace.epcis.document.EventBuilder;
import org.reetrace.epcis.document.Extension;
import org.reetrace.epcis.document.Location;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.document.SensorElement;
import org.reetrace.epcis.document.SensorReport;
import org.reetrace.epcis.document.SourceDest;

import static org.reetrace.epcis.profile.RareEarthProfile.*;

/**
 * Writes a ledger event as the EPCIS event the rare-earth profile says it is: the inverse of
 * {@link ProfileReader} ({@code read(write(e)) == e}, which ProfileRoundTripTest checks for every kind). Used
 * for the example documents, test data and exporting the ledger as EPCIS.
 */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    /** The event with the given zone offset for its local time (EPCIS requires one; the ledger keeps UTC). */
    public static EpcisEvent write(LedgerEvent event, ZoneOffset offset) {
        EventBuilder b = new EventBuilder();
        b.eventTime = event.time();
        b.eventTimeZoneOffset = offset.getId().equals("Z") ? "+00:00" : offset.getId();
        b.eventID = event.id().value();
        b.bizStep = bizStep(event.type());
        b.bizLocation = Location.of(facilityUri(event.facility()));
        b.extensions.add(Extension.text(NAMESPACE, LEDGER_EVENT, event.type().name()));
        String eventType = "ObjectEvent";
        switch (event) {
            case Extract x -> {
                b.action = Action.ADD;
                b.disposition = Cbv.DISPOSITION.canonical("active");
                if (x.location() != null) {
                    b.readPoint = Location.of("geo:" + x.location().latitude() + "," + x.location().longitude());
                }
                b.quantityList.add(kilograms(x.lot(), x.mass()));
                b.ilmd.add(lotMaster(x.lot(), x.form(), x.composition()));
            }
            case Assay x -> {
                b.action = Action.OBSERVE;
                b.quantityList.add(new QuantityElement(lotClass(x.lot()), null, null));
                List<SensorReport> reports = new ArrayList<>();
                for (Element el : Element.values()) {
                    if (x.measured().get(el) != 0) {
                        reports.add(report(MEASUREMENT_MASS, substance(el), BigDecimal.valueOf(x.measured().get(el)),
                                UOM_MILLIGRAM));
                    }
                }
                if (x.activity() != null) {
                    reports.add(report(MEASUREMENT_RADIOACTIVITY, null,
                            x.activity().multiply(BigDecimal.valueOf(1000)).stripTrailingZeros(), UOM_BECQUEREL_PER_KG));
                }
                b.sensorElementList.add(new SensorElement(null, reports, List.of()));
            }
            case Ship x -> {
                b.action = Action.OBSERVE;
                b.disposition = Cbv.DISPOSITION.canonical("in_transit");
                b.quantityList.add(new QuantityElement(lotClass(x.lot()), null, null));
                b.sourceList.add(location(x.facility()));
                b.destinationList.add(location(x.destination()));
            }
            case Receive x -> {
                b.action = Action.OBSERVE;
                b.disposition = Cbv.DISPOSITION.canonical("in_progress");
                b.quantityList.add(kilograms(x.lot(), x.receivedMass()));
            }
            case Transform x -> {
                eventType = "TransformationEvent";
                b.disposition = Cbv.DISPOSITION.canonical("active");
                x.inputs().forEach(in -> b.inputQuantityList.add(kilograms(in.lot(), in.mass())));
                x.outputs().forEach(out -> {
                    b.outputQuantityList.add(kilograms(out.lot(), out.mass()));
                    b.ilmd.add(lotMaster(out.lot(), out.form(), out.composition()));
                });
                b.extensions.add(Extension.text(NAMESPACE, PROCESS, x.process().name()));
                if (!x.declaredLoss().isZero()) {
                    b.extensions.add(composition(DECLARED_LOSS, x.declaredLoss()));
                }
            }
            case Export x -> {
                b.action = Action.OBSERVE;
                b.disposition = Cbv.DISPOSITION.canonical("in_transit");
                b.quantityList.add(new QuantityElement(lotClass(x.lot()), null, null));
                b.sourceList.add(location(x.facility()));
                b.destinationList.add(new SourceDest(Cbv.SOURCE_DEST_TYPE.canonical("owning_party"),
                        partyUri(x.declaration().counterparty())));
                customs(b, x.declaration());
            }
            case Import x -> {
                b.action = Action.ADD;
                b.disposition = Cbv.DISPOSITION.canonical("active");
                b.quantityList.add(kilograms(x.lot(), x.mass()));
                b.ilmd.add(lotMaster(x.lot(), x.form(), x.composition()));
                b.sourceList.add(new SourceDest(Cbv.SOURCE_DEST_TYPE.canonical("owning_party"),
                        partyUri(x.declaration().counterparty())));
                b.destinationList.add(location(x.facility()));
                customs(b, x.declaration());
                b.extensions.add(Extension.text(NAMESPACE, ORIGIN_COUNTRY, x.originCountry().alpha2()));
                b.extensions.add(Extension.text(NAMESPACE, SUPPLIER, x.supplier()));
                for (Stage s : x.upstreamStages()) {
                    b.extensions.add(Extension.parent(NAMESPACE, UPSTREAM_STAGE, List.of(
                            Extension.text(NAMESPACE, STAGE_KIND, s.kind().name()),
                            Extension.text(NAMESPACE, STAGE_COUNTRY, s.country().alpha2()),
                            Extension.text(NAMESPACE, STAGE_TECHNOLOGY_COUNTRY, s.technologyCountry().alpha2()))));
                }
            }
            case Dispose x -> {
                b.action = Action.DELETE;
                b.disposition = Cbv.DISPOSITION.canonical("destroyed");
                b.quantityList.add(new QuantityElement(lotClass(x.lot()), null, null));
            }
            case Adjust x -> {
                b.action = Action.OBSERVE;
                b.quantityList.add(kilograms(x.lot(), x.mass()));
                b.extensions.add(composition(COMPOSITION, x.composition()));
                b.extensions.add(Extension.text(NAMESPACE, ADJUSTMENT_REASON, x.reason()));
            }
            case Reverse x -> throw new IllegalArgumentException("reversal " + x.id() + " is written as an error "
                    + "declaration of the EPCIS event it reverses: use errorDeclaration(original, reversal)");
        }
        return b.build(eventType);
    }

    /**
     * A reversal as EPCIS writes it (EPCIS 2.0 section 7.4.1.2): the original event repeated, under its eventID,
     * with an error declaration at the reversal's time. The reversal's own id and its reason in words travel as
     * {@code ree:reversal} and {@code ree:reversalReason}, so that reading it back gives the same reversal; the
     * CBV reason is {@code incorrect_data}.
     */
    public static EpcisEvent errorDeclaration(EpcisEvent original, Reverse reversal, List<String> correctiveEventIds) {
        if (!reversal.original().value().equals(original.eventID())) {
            throw new IllegalArgumentException("reversal " + reversal.id() + " reverses " + reversal.original()
                    + ", not " + original.eventID());
        }
        EventBuilder b = EventBuilder.of(original);
        b.recordTime = null;
        b.errorDeclaration = new ErrorDeclaration(reversal.time(), Cbv.ERROR_REASON.canonical("incorrect_data"),
                correctiveEventIds, List.of());
        b.extensions.add(Extension.text(NAMESPACE, REVERSAL, reversal.id().value()));
        b.extensions.add(Extension.text(NAMESPACE, REVERSAL_REASON, reversal.reason()));
        return b.build(original.eventType());
    }

    /** The same event as recorded by a repository at {@code recordTime}, under {@code eventID}. */
    public static EpcisEvent recorded(EpcisEvent e, String eventID, Instant recordTime) {
        EventBuilder b = EventBuilder.of(e);
        b.eventID = eventID;
        b.recordTime = recordTime;
        return b.build(e.eventType());
    }

    private static void customs(EventBuilder b, CustomsDeclaration d) {
        b.bizTransactionList.add(new BizTransaction(BTT_CUSTOMS_DECLARATION, encode(CUSTOMS_URN, d.number())));
        if (d.permit() != null) {
            b.bizTransactionList.add(new BizTransaction(BTT_PERMIT, encode(PERMIT_URN, d.permit())));
        }
        b.extensions.add(Extension.text(NAMESPACE, HS_CODE, d.hsCode()));
        b.extensions.add(Extension.text(NAMESPACE, COUNTERPARTY_COUNTRY, d.country().alpha2()));
    }

    private static SourceDest location(FacilityId facility) {
        return new SourceDest(Cbv.SOURCE_DEST_TYPE.canonical("location"), facilityUri(facility));
    }

    private static QuantityElement kilograms(LotId lot, Mass mass) {
        BigDecimal kg = mass.kilograms();
        // 18000 kg, not 1.8E+4: the exact value either way, but people read these documents
        return new QuantityElement(lotClass(lot), kg.scale() < 0 ? kg.setScale(0) : kg, UOM_KILOGRAM);
    }

    private static Extension lotMaster(LotId lot, MaterialForm form, Composition composition) {
        return Extension.parent(NAMESPACE, LOT, List.of(
                Extension.text(NAMESPACE, EPC_CLASS, lotClass(lot)),
                Extension.text(NAMESPACE, MATERIAL_FORM, form.name()),
                composition(COMPOSITION, composition)));
    }

    private static Extension composition(String name, Composition c) {
        List<Extension> elements = new ArrayList<>();
        for (Element el : Element.values()) {
            if (c.get(el) != 0) {
                elements.add(new Extension(NAMESPACE, el.name(), Long.toString(c.get(el)), Extension.Kind.NUMBER,
                        List.of()));
            }
        }
        return Extension.parent(NAMESPACE, name, elements);
    }

    private static SensorReport report(String type, String substance, BigDecimal value, String uom) {
        return new SensorReport(type, null, null, null, null, null, null, null, substance, value, null, null, null,
                null, null, null, null, null, null, null, null, uom, null, List.of());
    }
}

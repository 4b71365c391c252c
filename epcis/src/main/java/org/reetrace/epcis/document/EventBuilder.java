package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects fields in whatever order a binding delivers them (JSON objects are unordered) and then builds
 * the record of the named type. Readers use it; it is not shared across threads.
 */
public final class EventBuilder {
    public Instant eventTime;
    public Instant recordTime;
    public String eventTimeZoneOffset;
    public String eventID;
    public ErrorDeclaration errorDeclaration;
    public String certificationInfo;
    public String parentID;
    public List<String> epcList = new ArrayList<>();
    public List<String> childEPCs = new ArrayList<>();
    public List<String> inputEPCList = new ArrayList<>();
    public List<String> outputEPCList = new ArrayList<>();
    public List<QuantityElement> quantityList = new ArrayList<>();
    public List<QuantityElement> childQuantityList = new ArrayList<>();
    public List<QuantityElement> inputQuantityList = new ArrayList<>();
    public List<QuantityElement> outputQuantityList = new ArrayList<>();
    public String transformationID;
    public Action action;
    public String bizStep;
    public String disposition;
    public Location readPoint;
    public Location bizLocation;
    public List<BizTransaction> bizTransactionList = new ArrayList<>();
    public List<SourceDest> sourceList = new ArrayList<>();
    public List<SourceDest> destinationList = new ArrayList<>();
    public List<SensorElement> sensorElementList = new ArrayList<>();
    public PersistentDisposition persistentDisposition;
    public List<Extension> ilmd = new ArrayList<>();
    public List<Extension> extensions = new ArrayList<>();

    /** A builder holding every field of {@code e}, to build a changed copy of it. */
    public static EventBuilder of(EpcisEvent e) {
        EventBuilder b = new EventBuilder();
        b.eventTime = e.eventTime();
        b.recordTime = e.recordTime();
        b.eventTimeZoneOffset = e.eventTimeZoneOffset();
        b.eventID = e.eventID();
        b.errorDeclaration = e.errorDeclaration();
        b.certificationInfo = e.certificationInfo();
        b.parentID = e.parentID();
        b.epcList.addAll(e.epcList());
        b.childEPCs.addAll(e.childEPCs());
        b.inputEPCList.addAll(e.inputEPCList());
        b.outputEPCList.addAll(e.outputEPCList());
        b.quantityList.addAll(e.quantityList());
        b.childQuantityList.addAll(e.childQuantityList());
        b.inputQuantityList.addAll(e.inputQuantityList());
        b.outputQuantityList.addAll(e.outputQuantityList());
        b.transformationID = e.transformationID();
        b.action = e.action();
        b.bizStep = e.bizStep();
        b.disposition = e.disposition();
        b.readPoint = e.readPoint();
        b.bizLocation = e.bizLocation();
        b.bizTransactionList.addAll(e.bizTransactionList());
        b.sourceList.addAll(e.sourceList());
        b.destinationList.addAll(e.destinationList());
        b.sensorElementList.addAll(e.sensorElementList());
        b.persistentDisposition = e.persistentDisposition();
        b.ilmd.addAll(e.ilmd());
        b.extensions.addAll(e.extensions());
        return b;
    }

    /**
     * Builds the event of the given type.
     *
     * @throws IllegalArgumentException if the type is not one of the five EPCIS 2.0 event types, or a
     *                                  field the record requires (eventTime, offset, action) is missing
     */
    public EpcisEvent build(String eventType) {
        try {
            return switch (eventType) {
                case "ObjectEvent" -> new ObjectEvent(eventTime, recordTime, eventTimeZoneOffset, eventID,
                        errorDeclaration, certificationInfo, epcList, action, bizStep, disposition, readPoint,
                        bizLocation, bizTransactionList, quantityList, sourceList, destinationList,
                        sensorElementList, persistentDisposition, ilmd, extensions);
                case "AggregationEvent" -> new AggregationEvent(eventTime, recordTime, eventTimeZoneOffset,
                        eventID, errorDeclaration, certificationInfo, parentID, childEPCs, action, bizStep,
                        disposition, readPoint, bizLocation, bizTransactionList, childQuantityList, sourceList,
                        destinationList, sensorElementList, persistentDisposition, extensions);
                case "TransactionEvent" -> new TransactionEvent(eventTime, recordTime, eventTimeZoneOffset,
                        eventID, errorDeclaration, certificationInfo, bizTransactionList, parentID, epcList,
                        action, bizStep, disposition, readPoint, bizLocation, quantityList, sourceList,
                        destinationList, sensorElementList, persistentDisposition, extensions);
                case "TransformationEvent" -> new TransformationEvent(eventTime, recordTime,
                        eventTimeZoneOffset, eventID, errorDeclaration, certificationInfo, inputEPCList,
                        inputQuantityList, outputEPCList, outputQuantityList, transformationID, bizStep,
                        disposition, readPoint, bizLocation, bizTransactionList, sourceList, destinationList,
                        sensorElementList, persistentDisposition, ilmd, extensions);
                case "AssociationEvent" -> new AssociationEvent(eventTime, recordTime, eventTimeZoneOffset,
                        eventID, errorDeclaration, certificationInfo, parentID, childEPCs, childQuantityList,
                        action, bizStep, disposition, readPoint, bizLocation, bizTransactionList, sourceList,
                        destinationList, sensorElementList, persistentDisposition, extensions);
                default -> throw new IllegalArgumentException("not an EPCIS 2.0 event type: " + eventType);
            };
        } catch (NullPointerException missing) {
            throw new IllegalArgumentException(eventType + " lacks required field " + missing.getMessage());
        }
    }
}

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

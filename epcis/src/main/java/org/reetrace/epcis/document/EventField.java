package org.reetrace.epcis.document;

import java.util.List;


/** The standard fields of an event, named as both bindings name them. */
public enum EventField {
    eventTime, recordTime, eventTimeZoneOffset, eventID, errorDeclaration, certificationInfo,
    parentID, epcList, childEPCs, inputEPCList, inputQuantityList, outputEPCList, outputQuantityList,
    transformationID, action, bizStep, disposition, readPoint, bizLocation, bizTransactionList,
    quantityList, childQuantityList, sourceList, destinationList, sensorElementList, persistentDisposition,
    ilmd;

    private static final List<EventField> BASE =
            List.of(eventTime, recordTime, eventTimeZoneOffset, eventID, errorDeclaration, certificationInfo);

    // The sequences of the EPCIS 2.0 XML schema (EPCglobal-epcis-2_0.xsd), which XML must follow.
    private static final List<EventField> OBJECT = concat(epcList, action, bizStep, disposition, readPoint,
            bizLocation, bizTransactionList, quantityList, sourceList, destinationList, sensorElementList,
            persistentDisposition, ilmd);
    private static final List<EventField> AGGREGATION = concat(parentID, childEPCs, action, bizStep,
            disposition, readPoint, bizLocation, bizTransactionList, childQuantityList, sourceList,
            destinationList, sensorElementList, persistentDisposition);
    private static final List<EventField> TRANSACTION = concat(bizTransactionList, parentID, epcList, action,
            bizStep, disposition, readPoint, bizLocation, quantityList, sourceList, destinationList,
            sensorElementList, persistentDisposition);
    private static final List<EventField> TRANSFORMATION = concat(inputEPCList, inputQuantityList,
            outputEPCList, outputQuantityList, transformationID, bizStep, disposition, readPoint, bizLocation,
            bizTransactionList, sourceList, destinationList, sensorElementList, persistentDisposition, ilmd);
    private static final List<EventField> ASSOCIATION = concat(parentID, childEPCs, childQuantityList, action,
            bizStep, disposition, readPoint, bizLocation, bizTransactionList, sourceList, destinationList,
            sensorElementList, persistentDisposition);

    private static List<EventField> concat(EventField... own) {
        var all = new java.util.ArrayList<>(BASE);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }

    static List<EventField> orderOf(EpcisEvent event) {
        return switch (event) {
            case ObjectEvent e -> OBJECT;
            case AggregationEvent e -> AGGREGATION;
            case TransactionEvent e -> TRANSACTION;
            case TransformationEvent e -> TRANSFORMATION;
            case AssociationEvent e -> ASSOCIATION;
        };
    }

    /** The fields of the named event type, or null if the name is not one of the five types. */
    public static List<EventField> orderOf(String eventType) {
        return switch (eventType) {
            case "ObjectEvent" -> OBJECT;
            case "AggregationEvent" -> AGGREGATION;
            case "TransactionEvent" -> TRANSACTION;
            case "TransformationEvent" -> TRANSFORMATION;
            case "AssociationEvent" -> ASSOCIATION;
            default -> null;
        };
    }
}

package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;

/**
 * An EPCIS 2.0 event of one of the five standard types.
 *
 * <p>Every field of every type is readable through this interface (absent ones answer null or an empty
 * list) so that writers and the event hash can walk the fields in the standard's order without a switch
 * per type; {@link #fieldOrder()} says which fields a type has and in which order XML writes them.
 */
public sealed interface EpcisEvent
        permits ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent {

    Instant eventTime();

    Instant recordTime();

    String eventTimeZoneOffset();

    String eventID();

    ErrorDeclaration errorDeclaration();

    String certificationInfo();

    String bizStep();

    String disposition();

    Location readPoint();

    Location bizLocation();

    List<BizTransaction> bizTransactionList();

    List<SourceDest> sourceList();

    List<SourceDest> destinationList();

    List<SensorElement> sensorElementList();

    PersistentDisposition persistentDisposition();

    /** User extensions at event level, in document order. */
    List<Extension> extensions();

    /** The standard's type name, as JSON writes it in {@code type} and XML as the element name. */
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** This type's fields in the order of the EPCIS 2.0 XML schema. */
    default List<EventField> fieldOrder() {
        return EventField.orderOf(this);
    }

    default Action action() {
        return null;
    }

    default List<String> epcList() {
        return List.of();
    }

    default String parentID() {
        return null;
    }

    default List<String> childEPCs() {
        return List.of();
    }

    default List<String> inputEPCList() {
        return List.of();
    }

    default List<String> outputEPCList() {
        return List.of();
    }

    default List<QuantityElement> quantityList() {
        return List.of();
    }

    default List<QuantityElement> childQuantityList() {
        return List.of();
    }

    default List<QuantityElement> inputQuantityList() {
        return List.of();
    }

    default List<QuantityElement> outputQuantityList() {
        return List.of();
    }

    default String transformationID() {
        return null;
    }

    default List<Extension> ilmd() {
        return List.of();
    }
}

package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Objects were tied to (ADD) or released from (DELETE) business transactions. */
public record TransactionEvent(Instant eventTime, Instant recordTime, String eventTimeZoneOffset, String eventID,
                               ErrorDeclaration errorDeclaration, String certificationInfo,
                               List<BizTransaction> bizTransactionList, String parentID, List<String> epcList,
                               Action action, String bizStep, String disposition, Location readPoint,
                               Location bizLocation, List<QuantityElement> quantityList,
                               List<SourceDest> sourceList, List<SourceDest> destinationList,
                               List<SensorElement> sensorElementList, PersistentDisposition persistentDisposition,
                               List<Extension> extensions) implements EpcisEvent {
    public TransactionEvent {
        Copies.requireTime(eventTime, eventTimeZoneOffset);
        Objects.requireNonNull(action, "action");
        bizTransactionList = Copies.list(bizTransactionList);
        epcList = Copies.list(epcList);
        quantityList = Copies.list(quantityList);
        sourceList = Copies.list(sourceList);
        destinationList = Copies.list(destinationList);
        sensorElementList = Copies.list(sensorElementList);
        extensions = Copies.list(extensions);
    }
}

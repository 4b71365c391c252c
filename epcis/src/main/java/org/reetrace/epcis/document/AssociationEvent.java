package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Objects were associated with (ADD) or dissociated from (DELETE) a parent such as an asset. */
public record AssociationEvent(Instant eventTime, Instant recordTime, String eventTimeZoneOffset, String eventID,
                               ErrorDeclaration errorDeclaration, String certificationInfo, String parentID,
                               List<String> childEPCs, List<QuantityElement> childQuantityList, Action action,
                               String bizStep, String disposition, Location readPoint, Location bizLocation,
                               List<BizTransaction> bizTransactionList, List<SourceDest> sourceList,
                               List<SourceDest> destinationList, List<SensorElement> sensorElementList,
                               PersistentDisposition persistentDisposition, List<Extension> extensions)
        implements EpcisEvent {
    public AssociationEvent {
        Copies.requireTime(eventTime, eventTimeZoneOffset);
        Objects.requireNonNull(action, "action");
        childEPCs = Copies.list(childEPCs);
        childQuantityList = Copies.list(childQuantityList);
        bizTransactionList = Copies.list(bizTransactionList);
        sourceList = Copies.list(sourceList);
        destinationList = Copies.list(destinationList);
        sensorElementList = Copies.list(sensorElementList);
        extensions = Copies.list(extensions);
    }
}

package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Objects were packed into (ADD), seen in (OBSERVE) or unpacked from (DELETE) a parent. */
public record AggregationEvent(Instant eventTime, Instant recordTime, String eventTimeZoneOffset, String eventID,
                               ErrorDeclaration errorDeclaration, String certificationInfo, String parentID,
                               List<String> childEPCs, Action action, String bizStep, String disposition,
                               Location readPoint, Location bizLocation, List<BizTransaction> bizTransactionList,
                               List<QuantityElement> childQuantityList, List<SourceDest> sourceList,
                               List<SourceDest> destinationList, List<SensorElement> sensorElementList,
                               PersistentDisposition persistentDisposition, List<Extension> extensions)
        implements EpcisEvent {
    public AggregationEvent {
        Copies.requireTime(eventTime, eventTimeZoneOffset);
        Objects.requireNonNull(action, "action");
        childEPCs = Copies.list(childEPCs);
        bizTransactionList = Copies.list(bizTransactionList);
        childQuantityList = Copies.list(childQuantityList);
        sourceList = Copies.list(sourceList);
        destinationList = Copies.list(destinationList);
        sensorElementList = Copies.list(sensorElementList);
        extensions = Copies.list(extensions);
    }
}

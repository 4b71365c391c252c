package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Something happened to objects: they were created (ADD), seen (OBSERVE) or ended (DELETE). */
public record ObjectEvent(Instant eventTime, Instant recordTime, String eventTimeZoneOffset, String eventID,
                          ErrorDeclaration errorDeclaration, String certificationInfo, List<String> epcList,
                          Action action, String bizStep, String disposition, Location readPoint,
                          Location bizLocation, List<BizTransaction> bizTransactionList,
                          List<QuantityElement> quantityList, List<SourceDest> sourceList,
                          List<SourceDest> destinationList, List<SensorElement> sensorElementList,
                          PersistentDisposition persistentDisposition, List<Extension> ilmd,
                          List<Extension> extensions) implements EpcisEvent {
    public ObjectEvent {
        Copies.requireTime(eventTime, eventTimeZoneOffset);
        Objects.requireNonNull(action, "action");
        epcList = Copies.list(epcList);
        bizTransactionList = Copies.list(bizTransactionList);
        quantityList = Copies.list(quantityList);
        sourceList = Copies.list(sourceList);
        destinationList = Copies.list(destinationList);
        sensorElementList = Copies.list(sensorElementList);
        ilmd = Copies.list(ilmd);
        extensions = Copies.list(extensions);
    }
}

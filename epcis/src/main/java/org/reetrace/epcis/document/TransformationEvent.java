package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;

/** Inputs were consumed and outputs produced: the event the project's TRANSFORM is written as. */
public record TransformationEvent(Instant eventTime, Instant recordTime, String eventTimeZoneOffset,
                                  String eventID, ErrorDeclaration errorDeclaration, String certificationInfo,
                                  List<String> inputEPCList, List<QuantityElement> inputQuantityList,
                                  List<String> outputEPCList, List<QuantityElement> outputQuantityList,
                                  String transformationID, String bizStep, String disposition,
                                  Location readPoint, Location bizLocation,
                                  List<BizTransaction> bizTransactionList, List<SourceDest> sourceList,
                                  List<SourceDest> destinationList, List<SensorElement> sensorElementList,
                                  PersistentDisposition persistentDisposition, List<Extension> ilmd,
                                  List<Extension> extensions) implements EpcisEvent {
    public TransformationEvent {
        Copies.requireTime(eventTime, eventTimeZoneOffset);
        inputEPCList = Copies.list(inputEPCList);
        inputQuantityList = Copies.list(inputQuantityList);
        outputEPCList = Copies.list(outputEPCList);
        outputQuantityList = Copies.list(outputQuantityList);
        bizTransactionList = Copies.list(bizTransactionList);
        sourceList = Copies.list(sourceList);
        destinationList = Copies.list(destinationList);
        sensorElementList = Copies.list(sensorElementList);
        ilmd = Copies.list(ilmd);
        extensions = Copies.list(extensions);
    }
}

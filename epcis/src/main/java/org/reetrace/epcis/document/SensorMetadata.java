package org.reetrace.epcis.document;

import java.time.Instant;
import java.util.List;

/** What is known of the sensor and the period its reports cover; every field is optional. */
public record SensorMetadata(Instant time, Instant startTime, Instant endTime, String deviceID,
                             String deviceMetadata, String rawData, String dataProcessingMethod,
                             String bizRules, List<Extension> extensions) {
    public SensorMetadata {
        extensions = List.copyOf(extensions);
    }
}

package org.reetrace.epcis.document;

import java.util.List;

/** A group of sensor reports sharing metadata (metadata may be absent), with user extensions. */
public record SensorElement(SensorMetadata metadata, List<SensorReport> reports, List<Extension> extensions) {
    public SensorElement {
        reports = List.copyOf(reports);
        extensions = List.copyOf(extensions);
    }
}

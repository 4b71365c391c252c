package org.reetrace.epcis.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One measurement (or alert) of a sensor, components in the order of the EPCIS 2.0 XML schema's
 * attributes. {@code type} is a measurement type URI (GS1 Web vocabulary, e.g.
 * {@code https://gs1.org/voc/Temperature}); numbers are exact decimals as written.
 */
public record SensorReport(String type, String exception, String deviceID, String deviceMetadata,
                           String rawData, String dataProcessingMethod, Instant time, String microorganism,
                           String chemicalSubstance, BigDecimal value, String component, String stringValue,
                           Boolean booleanValue, String hexBinaryValue, String uriValue, BigDecimal minValue,
                           BigDecimal maxValue, BigDecimal meanValue, BigDecimal sDev, BigDecimal percRank,
                           BigDecimal percValue, String uom, String coordinateReferenceSystem,
                           List<Extension> extensions) {
    public SensorReport {
        extensions = List.copyOf(extensions);
    }
}

package org.reetrace.app.epcis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the EPCIS interface, advertised on {@code OPTIONS /epcis/capture} as the GS1 headers say.
 *
 * @param captureLimit         most events in one capture document ({@code GS1-EPCIS-Capture-Limit})
 * @param captureFileSizeLimit most bytes in one capture document ({@code GS1-EPCIS-Capture-File-Size-Limit});
 *                             the document is spooled to disk, never held in memory, so this bounds disk use
 * @param perPageDefault       events per query page when the client does not say ({@code perPage}, GS1: 30)
 * @param perPageMax           the most a client may ask for in one page
 * @param nextPageTokenLifetime how long a {@code nextPageToken} may be used ({@code GS1-Next-Page-Token-Expires})
 */
@ConfigurationProperties("reetrace.epcis")
public record EpcisSettings(@DefaultValue("200000") int captureLimit,
                            @DefaultValue("1073741824") long captureFileSizeLimit,
                            @DefaultValue("30") int perPageDefault,
                            @DefaultValue("1000") int perPageMax,
                            @DefaultValue("PT1H") Duration nextPageTokenLifetime) {
    public EpcisSettings {
        if (captureLimit < 1 || captureFileSizeLimit < 1) {
            throw new IllegalArgumentException("capture limits must be positive: " + captureLimit + " events, "
                    + captureFileSizeLimit + " bytes");
        }
        if (perPageDefault < 1 || perPageDefault > perPageMax) {
            throw new IllegalArgumentException("perPage default " + perPageDefault + " must be within 1.." + perPageMax);
        }
        if (nextPageTokenLifetime.isNegative() || nextPageTokenLifetime.isZero()) {
            throw new IllegalArgumentException("nextPageToken lifetime must be positive: " + nextPageTokenLifetime);
        }
    }
}

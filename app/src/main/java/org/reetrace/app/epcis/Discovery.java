package org.reetrace.app.epcis;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The answer to {@code OPTIONS} on any EPCIS resource (the GS1 OpenAPI's 204DefaultDiscoveryResponse and
 * 204WritableResourcesDiscovery): the methods the resource allows, the EPCIS and CBV versions spoken, how EPCs and
 * CBV values are written, and the extension namespaces this repository knows.
 */
final class Discovery {
    static final String READ_ONLY = "OPTIONS, GET";
    static final String WRITABLE = "OPTIONS, GET, POST";
    static final String GS1_EXTENSIONS = "GS1-Extensions";
    /** The extension namespaces this repository knows: the rare-earth profile's. */
    static final String EXTENSIONS = "ree=https://reetrace.org/epcis/profile/1#";

    private Discovery() {
    }

    static ResponseEntity.HeadersBuilder<?> of(String allow) {
        return ResponseEntity.noContent()
                .header(HttpHeaders.ALLOW, allow)
                .header("GS1-EPCIS-Min", EpcisWeb.EPCIS_VERSION).header("GS1-EPCIS-Max", EpcisWeb.EPCIS_VERSION)
                .header("GS1-CBV-Min", EpcisWeb.CBV_VERSION).header("GS1-CBV-Max", EpcisWeb.CBV_VERSION)
                .header("GS1-EPC-Format", "Never_Translates")
                .header("GS1-CBV-XML-Format", "Always_URN")
                .header(GS1_EXTENSIONS, EXTENSIONS);
    }
}

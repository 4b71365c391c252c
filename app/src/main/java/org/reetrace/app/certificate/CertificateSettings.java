package org.reetrace.app.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Certificates of origin ({@code reetrace.certificates.*}).
 *
 * @param publicUrl  where buyers reach this server, e.g. {@code https://reetrace.example.gov.my}: the credentials' ids,
 *                   the status lists and the issuer's {@code did:web} (its host) derive from it; unset,
 *                   {@code http://localhost:<port>}
 * @param issuerName the regulator's name as credentials state it
 */
@ConfigurationProperties("reetrace.certificates")
public record CertificateSettings(String publicUrl, String issuerName) {

    public CertificateSettings {
        if (publicUrl != null && !publicUrl.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
            throw new IllegalArgumentException("reetrace.certificates.public-url must be a scheme and host (and port),"
                    + " with no path, such as https://reetrace.example.gov.my; not " + publicUrl);
        }
        issuerName = issuerName == null || issuerName.isBlank() ? "National rare-earth regulator" : issuerName;
    }
}

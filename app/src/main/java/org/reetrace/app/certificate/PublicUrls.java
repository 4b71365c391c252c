package org.reetrace.app.certificate;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The public addresses of certificates and the issuer: the configured public URL, or this server on localhost
 * (read when first asked, since a test server's port is known only once it listens).
 */
@Component
public class PublicUrls {

    private final CertificateSettings settings;
    private final Environment environment;

    public PublicUrls(CertificateSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** {@code https://host[:port]}, no trailing slash. */
    public String base() {
        if (settings.publicUrl() != null) {
            return settings.publicUrl();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /** The regulator's {@code did:web}: the public URL's host, a port written {@code %3A}. */
    public String did() {
        return "did:web:" + base().replaceFirst("^https?://", "").replace(":", "%3A");
    }

    public String credential(String id) {
        return base() + "/credentials/" + id;
    }

    public String statusList(int list) {
        return base() + "/credentials/status/" + list;
    }
}

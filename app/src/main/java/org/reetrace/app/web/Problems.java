package org.reetrace.app.web;

import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatusCode;

/** Problem type URIs. Each type is a stable, documented identifier that clients may switch on. */
public final class Problems {

    public static final String BASE = "https://reetrace.org/problems/";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Problems() {
    }

    /** {@code lot-not-found} becomes {@code https://reetrace.org/problems/lot-not-found}; absolute URIs stay. */
    public static URI type(String slugOrUri) {
        if (slugOrUri == null || slugOrUri.isBlank()) {
            throw new IllegalArgumentException("problem type is blank");
        }
        if (SLUG.matcher(slugOrUri).matches()) {
            return URI.create(BASE + slugOrUri);
        }
        URI uri = URI.create(slugOrUri);
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("problem type must be a lower-case slug or an absolute URI: " + slugOrUri);
        }
        return uri;
    }

    /** The generic type for a status that has no more specific one: 415 becomes {@code .../unsupported-media-type}. */
    static URI forStatus(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        String slug = known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
        return URI.create(BASE + slug);
    }
}

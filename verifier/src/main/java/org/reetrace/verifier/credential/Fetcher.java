package org.reetrace.verifier.credential;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How a verifier online reads a DID document, a status list or a checkpoint; a test gives its own. */
@FunctionalInterface
public interface Fetcher {

    /** The body at {@code uri}. */
    String get(URI uri) throws IOException;

    /** Over HTTP(S) with the JDK's client: 10 s to connect and to answer, redirects within https followed. */
    static Fetcher http() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return uri -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + uri, e);
            }
        };
    }
}

package org.reetrace.app.epcis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code nextPageToken} of the lists of named queries and subscriptions: the key of the last item shown and
 * when the token stops being taken, as the event pages' tokens ({@link EventQuery#token}) do.
 */
final class ListToken {

    private ListToken() {
    }

    static String of(String after, Instant expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((expires.getEpochSecond() + ":" + after)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the page starts; a token not issued here, or expired, is a QueryParameterException. */
    static String after(String token, Instant now) {
        String after;
        Instant expires;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            expires = Instant.ofEpochSecond(Long.parseLong(text.substring(0, colon)));
            after = text.substring(colon + 1);
        } catch (RuntimeException e) {
            throw EpcisProblems.queryParameter("nextPageToken", "not a token this repository issued: " + token);
        }
        if (!now.isBefore(expires)) {
            throw EpcisProblems.queryParameter("nextPageToken", "expired at " + expires + "; list again from the "
                    + "first page");
        }
        return after;
    }
}

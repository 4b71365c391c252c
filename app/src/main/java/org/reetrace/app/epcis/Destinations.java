package org.reetrace.app.epcis;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may be: an http or https URL whose host resolves to public addresses only, unless
 * {@link SubscriptionSettings#privateDestinations} lets this machine and private networks in too.
 */
final class Destinations {

    private Destinations() {
    }

    /** Why {@code dest} may not be delivered to, or empty if it may. */
    static Optional<String> refusal(URI dest, SubscriptionSettings settings) {
        if (dest.getScheme() == null || !(dest.getScheme().equalsIgnoreCase("https")
                || dest.getScheme().equalsIgnoreCase("http")) || dest.getHost() == null) {
            return Optional.of("an https (or http) URL, not " + dest);
        }
        if (settings.privateDestinations()) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(dest.getHost())) {
                if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                        || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    return Optional.of(dest.getHost() + " is on this machine or a private network (" + a.getHostAddress()
                            + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(dest.getHost() + " cannot be resolved");
        }
    }
}

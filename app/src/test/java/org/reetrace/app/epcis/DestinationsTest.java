package org.reetrace.app.epcis;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a webhook may be. */
class DestinationsTest {

    private static SubscriptionSettings settings(boolean privateDestinations) {
        return new SubscriptionSettings(Duration.ofMillis(200), 100, Duration.ofSeconds(1), Duration.ofMinutes(10),
                Duration.ofSeconds(10), Duration.ofSeconds(2), privateDestinations);
    }

    @Test
    void this_machine_and_private_networks_are_refused_unless_let_in() {
        for (String dest : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/",
                "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/"}) {
            assertThat(Destinations.refusal(URI.create(dest), settings(false))).as(dest).isPresent();
            assertThat(Destinations.refusal(URI.create(dest), settings(true))).as(dest).isEmpty();
        }
    }

    @Test
    void only_web_urls_are_destinations() {
        assertThat(Destinations.refusal(URI.create("file:///etc/passwd"), settings(true))).isPresent();
        assertThat(Destinations.refusal(URI.create("ftp://example.org/"), settings(true))).isPresent();
        assertThat(Destinations.refusal(URI.create("hook"), settings(true))).isPresent();
    }

    @Test
    void a_delivery_is_signed_with_the_hex_hmac_sha256_of_its_body() {
        // RFC 4231 test case 2
        assertThat(SubscriptionDelivery.signature("Jefe", "what do ya want for nothing?".getBytes()))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void retries_wait_twice_as_long_each_time_up_to_the_longest() {
        assertThat(Subscription.backOff(1, Duration.ofSeconds(1), Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Subscription.backOff(4, Duration.ofSeconds(1), Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(8));
        assertThat(Subscription.backOff(40, Duration.ofSeconds(1), Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }
}

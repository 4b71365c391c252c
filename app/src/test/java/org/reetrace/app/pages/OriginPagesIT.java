package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The round-trip confirmation on an alert's page: offered on a round-trip alert only, and it closes the alert. */
class OriginPagesIT extends BrowserIT {

    @Autowired
    AlertStore alerts;

    @Test
    void the_regulator_confirms_a_round_trip_from_the_alert_page_and_the_alert_closes_with_it_in_the_trail() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        AlertStore.Alert alert = roundTrip(p);
        openAs(tokenFor(Caller.of("regulator " + p, Role.REGULATOR)), "/alerts/" + alert.id());

        assertThat(text(By.cssSelector("h1"))).contains("Alert " + alert.id()).contains("Open");
        assertThat(text(By.id("round-trip-hint"))).contains("keeps the exported lot's pedigree");
        screenshot("round-trip-alert");

        // no comment: refused beside the field, the choice kept
        browser().findElement(By.cssSelector("input[name=action][value=CONFIRM_ROUND_TRIP]")).click();
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));
        assertThat(text(By.id("comment-error"))).isEqualTo("Write a comment: every step of a review says why.");
        assertThat(browser().findElement(By.cssSelector("input[name=action][value=CONFIRM_ROUND_TRIP]")).isSelected())
                .isTrue();

        browser().findElement(By.id("comment")).sendKeys("Same container number on both declarations.");
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));

        assertThat(currentPath()).isEqualTo("/alerts/" + alert.id() + "?reviewed");
        assertThat(text(By.id("alert-status"))).isEqualTo("Closed");
        assertThat(text(By.id("trail"))).contains("round trip confirmed: IMP-" + p + " is CON-" + p)
                .contains("Same container number on both declarations.");
        assertThat(browser().findElements(By.id("comment"))).isEmpty();
    }

    @Test
    void another_alert_offers_no_round_trip_confirmation() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        AlertStore.Alert other = raise(p, "FINGERPRINT_MISMATCH", "ORE-" + p, Map.of());
        openAs(tokenFor(Caller.of("regulator " + p, Role.REGULATOR)), "/alerts/" + other.id());

        assertThat(browser().findElements(By.cssSelector("input[name=action][value=CONFIRM_ROUND_TRIP]"))).isEmpty();
        assertThat(browser().findElements(By.id("round-trip-hint"))).isEmpty();
    }

    private AlertStore.Alert roundTrip(String p) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("imported lot", "IMP-" + p);
        figures.put("exported lot", "CON-" + p);
        figures.put("counterparty country", "SG");
        return raise(p, "ROUND_TRIP_IMPORT", "IMP-" + p, figures);
    }

    private AlertStore.Alert raise(String p, String kind, String subject, Map<String, String> figures) {
        alerts.raise(List.of(new AlertStore.Finding(kind + "|" + subject + "|2026-04", kind, subject, "2026-04",
                "lot " + subject + " under test", figures, List.of(), null, null, null, null,
                Instant.parse("2026-04-06T08:00:00Z"))), "MY");
        return alerts.list(new AlertStore.Filter(null, null, null, null, null, 1000, AlertStore.Source.ANALYTICS,
                kind)).stream().filter(a -> subject.equals(a.subject())).findFirst().orElseThrow();
    }
}

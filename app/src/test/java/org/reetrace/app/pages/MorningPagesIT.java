package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

class MorningPagesIT extends BrowserIT {

    @Autowired
    DemoYear year;
    @Autowired
    CompareMirrorTrade mirrorTrade;

    @BeforeEach
    void theYear() {
        DemoYearLoaded.ensure(year, mirrorTrade);
    }

    @Test
    void the_regulator_starts_the_day_with_what_is_new_the_map_quotas_residue_mirror_trade_and_flows() {
        String token = tokenFor(Caller.of("morning regulator", Role.REGULATOR));
        open("/sign-in");
        signIn(token);

        assertThat(currentPath()).isEqualTo("/morning");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("Good morning");
        assertThat(text(By.cssSelector("#news h2"))).startsWith("Alerts of the last seven days");
        assertThat(text(By.id("news-kinds"))).contains("Material unaccounted for").contains("Residue not disposed of")
                .contains("Fingerprint not the mine's");
        assertThat(text(By.id("news-facilities"))).contains(DemoYear.METAL);
        // the map: the states, leases, zones and facilities drawn by Leaflet
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector(".map path.leaflet-interactive")).size() > 16);
        assertThat(text(By.id("quota"))).contains("Kenering ISL field");
        assertThat(text(By.id("residues"))).contains(DemoYear.SEPARATION).contains("overdue");
        assertThat(text(By.id("royalty-lost"))).matches("[0-9,]+");
        assertThat(text(By.id("mirror-lines"))).contains("JP");
        // the month's flows as a Sankey diagram
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElements(By.cssSelector("#flows .chart svg")).isEmpty());
        assertThat(browser().findElement(By.id("group-NDPR")).isSelected()).isTrue();
        screenshot("morning");

        String ndpr = browser().findElement(By.cssSelector("#flows .chart")).getAttribute("data-chart");
        browser().findElement(By.id("group-DYTB")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("group-DYTB")).isSelected()
                        && !ndpr.equals(d.findElement(By.cssSelector("#flows .chart")).getAttribute("data-chart")));
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElements(By.cssSelector("#flows .chart svg")).isEmpty());
        assertThat(browser().findElement(By.cssSelector("#flows .chart")).getAttribute("aria-label"))
                .contains("Dy + Tb oxide");

        // a reload in the same session keeps what was new; the next session shows only what came since
        open("/morning");
        assertThat(text(By.cssSelector("#news h2"))).startsWith("Alerts of the last seven days");
        browser().manage().deleteAllCookies();
        open("/sign-in");
        signIn(token);
        assertThat(text(By.cssSelector("#news h2"))).startsWith("New since your last visit");
        assertThat(text(By.id("news-none"))).isEqualTo("No new alert since your last visit.");
    }

    @Test
    void the_morning_page_speaks_bahasa_malaysia() {
        openAs(demo().regulatorToken(), "/morning");
        browser().findElement(By.linkText("Bahasa Malaysia")).click();
        waitUntilLoaded();

        assertThat(text(By.cssSelector("h1"))).isEqualTo("Selamat pagi");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ms");
        assertThat(text(By.id("quota-heading"))).startsWith("Penggunaan kuota pada");
        assertThat(text(By.cssSelector("#flows legend"))).isEqualTo("Unsur");

        browser().findElement(By.linkText("English")).click();
        waitUntilLoaded();
        assertThat(text(By.cssSelector("h1"))).isEqualTo("Good morning");
    }

    @Test
    void an_operator_is_not_shown_the_national_picture() {
        openAs(demo().magnetMakerToken(), "/morning");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("403 · Not allowed");
    }
}

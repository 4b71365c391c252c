package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.demo.DemoYear;
import org.springframework.beans.factory.annotation.Autowired;

class FacilityPagesIT extends BrowserIT {

    @Autowired
    DemoYear year;
    @Autowired
    CompareMirrorTrade mirrorTrade;

    @BeforeEach
    void theYear() {
        DemoYearLoaded.ensure(year, mirrorTrade);
    }

    @Test
    void the_regulator_sees_the_metal_plant_its_stock_its_balance_charts_with_the_alarm_and_its_events() {
        openAs(demo().regulatorToken(), "/facilities/" + DemoYear.METAL);

        assertThat(text(By.cssSelector("h1"))).contains("Melaka metal and alloy plant").contains(DemoYear.METAL);
        assertThat(text(By.cssSelector(".facility-page dl.facts"))).contains("Metal plant").contains("OPS-MELAKA");
        assertThat(text(By.cssSelector(".facility-page"))).contains("kg of elements in");
        // the theft of 2027-01 crosses the CUSUM threshold: an alarm in the table, both charts drawn
        assertThat(text(By.id("balance-table"))).contains("2027-01").contains("alarm");
        waitForCharts(2);
        assertThat(browser().findElement(By.cssSelector("#balance .chart")).getAttribute("aria-label"))
                .contains("MUF");
        assertThat(text(By.id("events-heading"))).matches("Events \\(\\d+\\)");
        // what its balances can detect, per basis, against the goal in words
        assertThat(text(By.id("detection-table"))).contains("All rare earths").contains("Nd+Pr").contains("Dy")
                .containsPattern("\\byes\\b|no: better measurement needed");
        assertThat(text(By.id("detection"))).contains("false alarms per 100 facility-years");
        screenshot("facility");

        new Select(browser().findElement(By.id("basis"))).selectByValue("Nd");
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> text(By.cssSelector("#balance-table caption"))
                .contains("Nd"));
        assertThat(text(By.cssSelector("#balance h3"))).contains("Nd");
        // the CUSUM is kept on the rare-earth basis only
        assertThat(browser().findElements(By.cssSelector("#balance .chart"))).hasSize(1);
        waitForCharts(1);

        browser().findElement(By.linkText("Older")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> text(By.cssSelector("#events .pager"))
                .contains("Page 2 of"));
        assertThat(browser().findElements(By.cssSelector("#events tbody a[href^='/api/events/']"))).hasSize(20);
    }

    @Test
    void an_operator_opens_its_own_facility_and_is_refused_another_operators() {
        openAs(demo().separationPlantToken(), "/facilities/MY-PHG-SEP-01");
        assertThat(text(By.cssSelector("h1"))).contains("Gebeng cracking and separation plant");
        assertThat(text(By.cssSelector(".facility-page"))).contains("AELB-RAD-2024-0312");
        assertThat(browser().findElements(By.cssSelector("#stock tbody tr"))).isNotEmpty();

        open("/facilities/MY-JHR-MAG-01");

        assertThat(text(By.cssSelector("h1"))).isEqualTo("403 · Not allowed");
        assertThat(text(By.cssSelector(".failure .detail"))).contains("OP-JOHOR-MAG");
    }

    @Test
    void an_unknown_facility_is_a_404_page() {
        openAs(demo().regulatorToken(), "/facilities/MY-NOWHERE-01");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("404 · Not found");
    }

    private void waitForCharts(int count) {
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector("#balance .chart svg")).size() == count);
    }
}

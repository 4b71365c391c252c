package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.alerts.ReviewAlert;
import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

class AlertPagesIT extends BrowserIT {

    @Autowired
    DemoYear year;
    @Autowired
    CompareMirrorTrade mirrorTrade;
    @Autowired
    AlertStore alerts;
    @Autowired
    ReviewAlert reviewAlert;

    @BeforeEach
    void theYear() {
        DemoYearLoaded.ensure(year, mirrorTrade);
    }

    @Test
    void the_regulator_filters_the_alerts_and_the_table_and_the_address_follow() {
        openAs(demo().regulatorToken(), "/alerts");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("Alerts");
        assertThat(text(By.cssSelector(".found"))).matches("\\d+ alerts match; page 1 of \\d+");
        screenshot("alerts");

        new Select(browser().findElement(By.id("f-kind"))).selectByValue("MATERIAL_UNACCOUNTED_FOR");

        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> currentPath().contains("kind=MATERIAL_UNACCOUNTED_FOR"));
        waitForRows(rows -> rows.stream().allMatch(r -> r.getText().contains("Material unaccounted for")));
        assertThat(text(By.cssSelector(".alert-table tbody"))).contains(DemoYear.METAL);

        new Select(browser().findElement(By.id("f-kind"))).selectByValue("");
        browser().findElement(By.id("f-facility")).sendKeys(DemoYear.SEPARATION);
        browser().findElement(By.cssSelector(".filters button[type=submit]")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> currentPath().contains("facility=" + DemoYear.SEPARATION));
        waitForRows(rows -> !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(DemoYear.SEPARATION)));

        // the counts per status are links that keep the other filters
        browser().findElement(By.partialLinkText("Open (")).click();
        waitUntilLoaded();
        assertThat(currentPath()).contains("status=OPEN").contains("facility=" + DemoYear.SEPARATION);
        assertThat(browser().findElement(By.id("f-status")).getAttribute("value")).isEqualTo("OPEN");
    }

    @Test
    void the_list_is_paged() {
        openAs(demo().regulatorToken(), "/alerts?source=ANALYTICS&size=5");
        assertThat(browser().findElements(By.cssSelector(".alert-table tbody tr"))).hasSize(5);

        browser().findElement(By.cssSelector(".pager")).findElement(By.linkText("2")).click();

        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> text(By.cssSelector(".found")).contains("page 2 of"));
        assertThat(currentPath()).contains("page=1").contains("source=ANALYTICS").contains("size=5");
        assertThat(browser().findElements(By.cssSelector(".alert-table tbody tr"))).hasSize(5);
    }

    @Test
    void the_regulator_acknowledges_then_closes_an_alert_with_comments_and_the_trail_grows() {
        AlertStore.Alert alert = open("MATERIAL_UNACCOUNTED_FOR", DemoYear.METAL);
        openAs(demo().regulatorToken(), "/alerts/" + alert.id());

        assertThat(text(By.cssSelector("h1"))).contains("Alert " + alert.id()).contains("High").contains("Open");
        assertThat(text(By.cssSelector(".figures-table"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("#evidence a[href^='/lots/']"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("#evidence a[href^='/api/events/']"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("#trail li"))).hasSize(1);

        // no comment: refused beside the field, nothing recorded
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));
        assertThat(text(By.id("comment-error"))).isEqualTo("Write a comment: every step of a review says why.");
        assertThat(browser().findElement(By.id("comment")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser().findElement(By.id("comment")).getAttribute("aria-describedby")).contains("comment-error");
        assertThat(browser().findElements(By.cssSelector("#trail li"))).hasSize(1);

        browser().findElement(By.id("comment")).sendKeys("Inspector sent to weigh the metal stock.");
        browser().findElement(By.cssSelector("input[name=action][value=ACKNOWLEDGE]")).click();
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));

        assertThat(currentPath()).isEqualTo("/alerts/" + alert.id() + "?reviewed");
        assertThat(text(By.id("reviewed"))).isEqualTo("Your review is recorded in the audit trail.");
        assertThat(text(By.id("alert-status"))).isEqualTo("Acknowledged");
        assertThat(browser().findElements(By.cssSelector("#trail li"))).hasSize(2);
        assertThat(text(By.id("trail"))).contains("Inspector sent to weigh the metal stock.").contains("demo regulator");
        screenshot("alert");

        browser().findElement(By.id("comment")).sendKeys("Stock short by the MUF; case handed to enforcement.");
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));
        assertThat(text(By.id("alert-status"))).isEqualTo("Closed");
        assertThat(browser().findElements(By.cssSelector("#trail li"))).hasSize(3);
        assertThat(browser().findElements(By.id("comment"))).isEmpty();
    }

    @Test
    void a_step_no_longer_possible_is_shown_beside_the_comment_which_is_kept() {
        AlertStore.Alert alert = open("FINGERPRINT_MISMATCH", DemoYear.MINE);
        openAs(demo().regulatorToken(), "/alerts/" + alert.id());
        // meanwhile a colleague acknowledged it
        reviewAlert.acknowledge(Caller.of("another regulator", Role.REGULATOR), alert.id(), "seen");

        browser().findElement(By.id("comment")).sendKeys("Acknowledged from the morning list.");
        browser().findElement(By.cssSelector("input[name=action][value=ACKNOWLEDGE]")).click();
        clickToNewPage(By.cssSelector("button.primary[type=submit]"));

        assertThat(text(By.id("comment-error"))).startsWith("This step is not possible now:")
                .contains("is ACKNOWLEDGED");
        assertThat(browser().findElement(By.id("comment")).getAttribute("value")).isEqualTo("Acknowledged from the morning list.");
        assertThat(browser().findElements(By.cssSelector("#trail li"))).hasSize(2);
    }

    @Test
    void an_operator_sees_its_own_alerts_and_no_review_form() {
        AlertStore.Alert theirs = any("MATERIAL_UNACCOUNTED_FOR", DemoYear.METAL);
        String token = tokenFor(Caller.operator("metal plant clerk", theirs.operator()));
        openAs(token, "/alerts");
        List<WebElement> rows = browser().findElements(By.cssSelector(".alert-table tbody tr"));
        assertThat(rows).isNotEmpty().allMatch(r -> r.getText().contains(DemoYear.METAL));

        open("/alerts/" + theirs.id());
        assertThat(text(By.cssSelector("h1"))).contains("Alert " + theirs.id());
        assertThat(browser().findElements(By.id("comment"))).isEmpty();

        AlertStore.Alert others = any("FINGERPRINT_MISMATCH", DemoYear.MINE);
        open("/alerts/" + others.id());
        assertThat(text(By.cssSelector("h1"))).isEqualTo("403 · Not allowed");
    }

    private AlertStore.Alert open(String kind, String facility) {
        return find(AlertStore.Status.OPEN, kind, facility);
    }

    private AlertStore.Alert any(String kind, String facility) {
        return find(null, kind, facility);
    }

    private AlertStore.Alert find(AlertStore.Status status, String kind, String facility) {
        return alerts.list(new AlertStore.Filter(status, null, facility, null, null, 1000,
                AlertStore.Source.ANALYTICS, kind)).stream().filter(a -> a.events() != null && !a.events().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " " + kind + " alert at " + facility));
    }

    private void waitForRows(java.util.function.Predicate<List<WebElement>> condition) {
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.test(d.findElements(By.cssSelector(".alert-table tbody tr"))));
    }
}

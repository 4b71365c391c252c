package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.analytics.CompareMirrorTrade;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every main page, in English and in Bahasa Malaysia, checked in Chromium by axe-core against the WCAG 2.2 A and AA
 * success criteria it can test (contrast, names and labels, headings, tables, landmarks, ARIA, language): none may
 * fail. The build fetches axe-core from the npm registry ({@code reetrace.axe}, set by app/pom.xml).
 */
class AccessibilityPagesIT extends BrowserIT {

    private static final Path AXE = Path.of(System.getProperty("reetrace.axe", "target/axe/package/axe.min.js"));

    /** The WCAG levels axe tags its rules with, A and AA up to 2.2. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag',
                                         values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
               .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))
               .catch(e => done(JSON.stringify([{id: 'axe-failed', help: String(e), nodes: []}])));""";

    @Autowired
    DemoYear year;
    @Autowired
    CompareMirrorTrade mirrorTrade;
    @Autowired
    AlertStore alerts;

    @BeforeEach
    void theYear() {
        DemoYearLoaded.ensure(year, mirrorTrade);
    }

    @Test
    void every_main_page_meets_wcag_2_2_aa_as_far_as_axe_can_tell_in_both_languages() throws IOException {
        String script = Files.readString(AXE);
        long alert = alerts.list(new AlertStore.Filter(null, null, DemoYear.METAL, null, null, 1))
                .getFirst().id();
        String regulator = demo().regulatorToken();
        String customs = tokenFor(Caller.of("customs officer at Port Klang", Role.CUSTOMS));
        List<String[]> pages = List.of(
                new String[] {null, "/sign-in"},
                new String[] {null, "/verify"},
                new String[] {null, "/verify?url=" + demo().certificate().url()},
                new String[] {regulator, "/morning"},
                new String[] {regulator, "/alerts"},
                new String[] {regulator, "/alerts/" + alert},
                new String[] {regulator, "/facilities/" + DemoYear.METAL},
                new String[] {regulator, "/lots/MAG-2026-0001"},
                new String[] {regulator, "/lots"},
                new String[] {regulator, "/registry"},
                new String[] {regulator, "/registry/operators/OP-JOHOR-MAG"},
                new String[] {regulator, "/registry/operators/new"},
                new String[] {regulator, "/registry/facilities"},
                new String[] {regulator, "/registry/facilities/new"},
                new String[] {regulator, "/registry/licences"},
                new String[] {regulator, "/registry/licences/new"},
                new String[] {regulator, "/registry/zones"},
                new String[] {regulator, "/registry/agreements"},
                new String[] {regulator, "/registry/agreements/new"},
                new String[] {regulator, "/registry/history"},
                new String[] {regulator, "/rules"},
                new String[] {regulator, "/rules/assessment"},
                new String[] {customs, "/customs"},
                new String[] {customs, "/customs?lot=MAG-2026-0001&number=K2-2026-004711&hs=8505.11"
                        + "&counterparty=Bench+Motors+Inc.&country=US"},
                new String[] {demo().magnetMakerToken(), "/portal"});
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("en", "ms")) {
            for (String[] page : pages) {
                String path = page[1] + (page[1].contains("?") ? "&" : "?") + "lang=" + lang;
                if (page[0] == null) {
                    browser().manage().deleteAllCookies();
                    open(path);
                } else {
                    openAs(page[0], path);
                }
                waitUntilDrawn();
                failures.addAll(violations(path, script));
            }
        }
        assertThat(failures).as("axe-core's WCAG 2.2 A/AA violations").isEmpty();
    }

    /** Waits for the charts and maps the page has to be drawn: axe checks what a person gets. */
    private void waitUntilDrawn() {
        waitUntilLoaded();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector(".chart")).stream().allMatch(c -> !c.findElements(
                        By.cssSelector("svg, canvas")).isEmpty())
                        && d.findElements(By.cssSelector(".map")).stream().allMatch(m -> !m.findElements(
                        By.cssSelector(".leaflet-pane")).isEmpty()));
    }

    private List<String> violations(String path, String script) {
        JavascriptExecutor js = (JavascriptExecutor) browser();
        browser().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(script);
        JsonNode found = JsonMapper.builder().build().readTree((String) js.executeAsyncScript(RUN));
        List<String> failures = new ArrayList<>();
        for (JsonNode v : found) {
            failures.add(path + ": " + v.path("id").asString() + " (" + v.path("impact").asString() + ") "
                    + v.path("help").asString() + " at " + v.path("nodes"));
        }
        return failures;
    }
}

package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.demo.DemoYear;
import org.reetrace.app.lot.SummariseTrace;
import org.reetrace.app.security.Caller;
import org.springframework.beans.factory.annotation.Autowired;

/** The lot page: a lot, its composition, pedigree and events, and its trace summarised by step. */
class LotPagesIT extends BrowserIT {

    private static boolean yearBooked;

    @Autowired
    private DemoYear demoYear;

    @Autowired
    private SummariseTrace summarise;

    @BeforeEach
    void simulatedYear() {
        synchronized (LotPagesIT.class) {
            if (!yearBooked) {
                demoYear.load();
                yearBooked = true;
            }
        }
    }

    @Test
    void the_regulator_opens_the_demo_magnet_from_the_header_search_and_reads_where_it_came_from() {
        openAs(demo().regulatorToken(), "/lots/NO-SUCH-LOT");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("404 · Lot not found");
        assertThat(text(By.cssSelector(".lot-not-found .detail"))).contains("No lot NO-SUCH-LOT is in the ledger");

        WebElement search = browser().findElement(By.id("lot-search"));
        search.sendKeys("MAG-2026-0001");
        search.submit();
        waitUntilLoaded();

        assertThat(currentPath()).isEqualTo("/lots/MAG-2026-0001");
        assertThat(text(By.cssSelector("h1"))).contains("MAG-2026-0001").contains("Exported");
        assertThat(text(By.id("lot-holder"))).isEqualTo("OP-JOHOR-MAG");
        assertThat(text(By.id("composition-table"))).contains("Nd").contains("763,978,591");
        visible(By.cssSelector("#composition .chart svg"));
        visible(By.cssSelector("#pedigree .chart svg"));
        assertThat(text(By.id("origin-countries"))).contains("CN").contains("MY");
        assertThat(text(By.id("pedigree-table"))).contains("Separation · CN (technology CN)");
        assertThat(text(By.id("events"))).contains("Transformed").contains("Exported");

        List<WebElement> up = browser().findElements(By.cssSelector("#trace-upstream tbody tr"));
        assertThat(up).hasSize(5);
        assertThat(up.get(0).getText()).contains("Magnet making").contains("Metal or alloy");
        assertThat(up.get(1).getText()).contains("Metal making").contains("CN, MY");
        visible(By.cssSelector("#trace .chart svg"));

        browser().findElement(By.id("show-upstream-2")).click();
        assertThat(text(By.cssSelector("#step-lots caption"))).isEqualTo("Step 2 upstream: 3 lots, page 1 of 1");
        assertThat(browser().findElements(By.cssSelector("#step-lots tbody th a")))
                .extracting(WebElement::getText).containsExactly("DYO-CN-2026-0001", "HRE-2026-0001", "NDPR-2026-0001");
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("window.scrollTo(0, 0)");
        screenshot("lot");

        browser().findElement(By.linkText("NDPR-2026-0001")).click();
        waitUntilLoaded();
        assertThat(currentPath()).isEqualTo("/lots/NDPR-2026-0001");
        assertThat(text(By.cssSelector("#trace-downstream tbody tr"))).contains("Metal making");
    }

    @Test
    void the_regulator_pages_through_the_lots_of_a_step_of_a_simulated_magnets_trace() {
        // the simulated year's magnet whose trace has the step with the most lots
        record Widest(String magnet, SummariseTrace.StepSummary step) {
        }
        Widest widest = jdbc.sql("select id from lot where form = 'MAGNET' and id like 'demo-sim-%' order by id")
                .query(String.class).list().stream()
                .flatMap(id -> summarise.summary(Caller.localAdministrator(), id, "upstream").steps().stream()
                        .map(step -> new Widest(id, step)))
                .max(java.util.Comparator.comparingLong(w -> w.step().lots())).orElseThrow();
        long lots = widest.step().lots();
        assertThat(lots).isGreaterThan(3);
        int size = (int) Math.min(20, lots / 2);
        openAs(demo().regulatorToken(), "/lots/" + widest.magnet() + "?size=" + size);

        browser().findElement(By.id("show-upstream-" + widest.step().step())).click();
        String first = text(By.cssSelector("#step-lots caption"));
        assertThat(first).isEqualTo("Step " + widest.step().step() + " upstream: " + lots + " lots, page 1 of "
                + (lots + size - 1) / size);
        String firstLot = text(By.cssSelector("#step-lots tbody th a"));
        assertThat(browser().findElements(By.cssSelector("#step-lots tbody tr"))).hasSize(size);

        browser().findElement(By.cssSelector("#step-lots .next-page")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver ->
                driver.findElement(By.cssSelector("#step-lots caption")).getText().contains("page 2 of"));
        assertThat(text(By.cssSelector("#step-lots tbody th a"))).isGreaterThan(firstLot);
        assertThat(currentPath()).startsWith("/lots/" + widest.magnet());
        screenshot("lot-simulated-magnet");
    }

    @Test
    void the_magnet_maker_opens_its_own_lot_and_sees_of_the_metal_plants_lots_only_how_many() {
        openAs(demo().magnetMakerToken(), "/lots/MAG-2026-0001?lang=en");

        assertThat(text(By.cssSelector("h1"))).contains("MAG-2026-0001");
        List<WebElement> up = browser().findElements(By.cssSelector("#trace-upstream tbody tr"));
        assertThat(up.get(1).getText()).contains("and 3 of other holders");
        assertThat(browser().getPageSource()).doesNotContain("NDPR-2026-0001").doesNotContain("MY-MLK-MET-01");

        open("/lots/MAG-2026-0001?lang=ms");
        assertThat(text(By.cssSelector("#composition h2"))).isEqualTo("Komposisi");
        open("/lots/MAG-2026-0001?lang=en");
    }

    @Test
    void the_separation_plant_is_refused_the_magnet_makers_lot() {
        openAs(demo().separationPlantToken(), "/lots/MAG-2026-0001");

        assertThat(text(By.cssSelector("h1"))).isEqualTo("403 · Not allowed");
        assertThat(browser().getPageSource()).doesNotContain("763,978,591");
    }
}

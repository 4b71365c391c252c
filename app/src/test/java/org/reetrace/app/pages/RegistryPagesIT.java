package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

class RegistryPagesIT extends BrowserIT {

    @Test
    void the_regulator_sees_who_owns_whom_and_why_an_operator_is_state_linked() {
        // all operators on one page: other tests of the pages register operators of their own
        openAs(demo().regulatorToken(), "/registry?size=200");

        assertThat(text(By.cssSelector("h1"))).isEqualTo("Registry: operators");
        visible(By.cssSelector("div.chart svg"));
        WebElement pahang = browser().findElement(By.xpath("//table[@id='operators']//tr[th/a[text()='OP-PAHANG-RE']]"));
        assertThat(pahang.getText()).contains("Pahang Advanced Rare Earths Sdn Bhd", "state-linked (55.9 %)",
                "OP-PAHANG-RE-HOLD 90 %", "OP-KHAZANAH 10 %");
        screenshot("registry");

        pahang.findElement(By.linkText("OP-PAHANG-RE")).click();
        waitUntilLoaded();

        assertThat(currentPath()).isEqualTo("/registry/operators/OP-PAHANG-RE");
        assertThat(text(By.cssSelector("#state-link-answer .verdict")))
                .startsWith("OP-PAHANG-RE is state-linked to MY. Effective state ownership 55.9 % against a threshold of");
        List<String> chains = browser().findElements(By.cssSelector("#state-link-paths tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(chains).hasSize(2).anySatisfy(c -> assertThat(c).contains("OP-PAHANG-STATE-DEV", "45.9 %"))
                .anySatisfy(c -> assertThat(c).contains("OP-KHAZANAH", "10 %"));
        visible(By.cssSelector("div.chart svg"));
        screenshot("registry-operator");
        assertThat(browser().findElement(By.linkText("MY-PHG-SEP-01")).getAttribute("href"))
                .endsWith("/facilities/MY-PHG-SEP-01");

        // before any holding was recorded (2023-01-01 in Malaysia) no chain reached the state
        browser().findElement(By.id("at")).sendKeys("2023-01-01");
        browser().findElement(By.cssSelector("#state-link form button")).click();
        // htmx replaces the state link's card only, and the address keeps the date
        new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> driver.findElement(
                By.cssSelector("#state-link-answer .verdict")).getText().startsWith("OP-PAHANG-RE is not state-linked to MY."));
        assertThat(currentPath()).isEqualTo("/registry/operators/OP-PAHANG-RE?at=2023-01-01&state=");
        assertThat(browser().findElement(By.id("at")).getAttribute("value")).isEqualTo("2023-01-01");
    }

    @Test
    void a_mistake_in_a_form_is_shown_beside_its_field_with_what_was_typed_and_nothing_is_stored() {
        String id = "OP-PAGES-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        openAs(demo().regulatorToken(), "/registry");
        browser().findElement(By.linkText("Register an operator")).click();
        waitUntilLoaded();
        browser().findElement(By.id("f-id")).sendKeys(id);
        browser().findElement(By.id("f-name")).sendKeys("Perak Rare Earth Refining Sdn Bhd");
        WebElement country = browser().findElement(By.id("f-country"));
        country.clear();
        country.sendKeys("Malaysia");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(text(By.id("f-country-error"))).isNotBlank();
        country = browser().findElement(By.id("f-country"));
        assertThat(country.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(country.getAttribute("aria-describedby")).isEqualTo("f-country-error");
        assertThat(country.getAttribute("value")).isEqualTo("Malaysia");
        assertThat(browser().findElement(By.id("f-id")).getAttribute("value")).isEqualTo(id);
        assertThat(browser().findElement(By.id("f-name")).getAttribute("aria-invalid")).isEqualTo("false");
        assertThat(storedRegistry.operator(OperatorId.of(id))).isEmpty();

        country.clear();
        country.sendKeys("MY");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(currentPath()).isEqualTo("/registry/operators/" + id);
        assertThat(text(By.id("registry-done"))).contains("registered");
        assertThat(storedRegistry.operator(OperatorId.of(id))).isPresent();
        open("/registry/history");
        WebElement newest = browser().findElement(By.cssSelector("#history tbody tr"));
        assertThat(newest.getText()).contains("demo regulator", "operator", id);

        // a state's shareholding makes it state-linked: a wrong state is refused beside its cell, in its row
        open("/registry/operators/" + id);
        browser().findElement(By.linkText("Change the shareholders")).click();
        waitUntilLoaded();
        browser().findElement(By.id("holdings-0-state")).sendKeys("Perak");
        browser().findElement(By.id("holdings-0-body")).sendKeys("Perak State Government");
        browser().findElement(By.id("holdings-0-percent")).sendKeys("60");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(text(By.id("holdings-0-state-error"))).isNotBlank();
        assertThat(browser().findElement(By.id("holdings-0-state")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser().findElement(By.id("holdings-0-body")).getAttribute("value")).isEqualTo("Perak State Government");
        assertThat(browser().findElement(By.id("holdings-0-percent")).getAttribute("value")).isEqualTo("60");
        WebElement state = browser().findElement(By.id("holdings-0-state"));
        state.clear();
        state.sendKeys("MY");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(currentPath()).isEqualTo("/registry/operators/" + id);
        assertThat(text(By.cssSelector("#state-link-answer .verdict"))).startsWith(id + " is state-linked to MY.")
                .contains("60 %");
        assertThat(text(By.id("shareholders"))).contains("Perak State Government (MY)", "60");
    }

    @Test
    void a_facility_of_an_unknown_operator_is_refused_beside_the_operator() {
        String id = "MY-PAGES-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        openAs(demo().regulatorToken(), "/registry/facilities/new");
        browser().findElement(By.id("f-id")).sendKeys(id);
        browser().findElement(By.id("f-operator")).sendKeys("OP-NOBODY");
        browser().findElement(By.id("f-name")).sendKeys("Lumut separation plant");
        new Select(browser().findElement(By.id("f-kind"))).selectByValue("SEPARATION_PLANT");
        browser().findElement(By.id("f-latitude")).sendKeys("4.23");
        browser().findElement(By.id("f-longitude")).sendKeys("east");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(text(By.id("f-longitude-error"))).isEqualTo("'east' is not a number");
        assertThat(browser().findElement(By.id("f-latitude")).getAttribute("value")).isEqualTo("4.23");

        WebElement longitude = browser().findElement(By.id("f-longitude"));
        longitude.clear();
        longitude.sendKeys("100.63");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(text(By.id("f-operator-error"))).contains("no operator OP-NOBODY");
        assertThat(new Select(browser().findElement(By.id("f-kind")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("SEPARATION_PLANT");
        assertThat(storedRegistry.facility(FacilityId.of(id))).isEmpty();
    }

    @Test
    void a_technology_agreement_that_ends_before_it_begins_is_refused_beside_its_end() {
        String recipient = "OP-PAGES-TA-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        ensureOperator(recipient);
        String id = "TA-" + recipient;
        openAs(demo().regulatorToken(), "/registry/agreements");
        browser().findElement(By.linkText("Record a technology agreement")).click();
        waitUntilLoaded();
        browser().findElement(By.id("f-id")).sendKeys(id);
        browser().findElement(By.id("f-licensor")).sendKeys("Ganzhou Rare Earth Separation Technology Co., Ltd.");
        browser().findElement(By.id("f-licensorCountry")).sendKeys("CN");
        new Select(browser().findElement(By.id("f-category"))).selectByValue("SEPARATION");
        browser().findElement(By.id("f-recipient")).sendKeys(recipient);
        browser().findElement(By.id("f-from")).sendKeys("2027-06-01");
        browser().findElement(By.id("f-until")).sendKeys("2027-01-01");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(text(By.id("f-until-error"))).isNotBlank();
        assertThat(new Select(browser().findElement(By.id("f-category"))).getFirstSelectedOption().getText())
                .isEqualTo("separation");
        assertThat(browser().findElements(By.id("agreement-" + id))).isEmpty();

        WebElement until = browser().findElement(By.id("f-until"));
        until.clear();
        until.sendKeys("2032-06-01");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(currentPath()).isEqualTo("/registry/agreements");
        assertThat(text(By.id("agreement-" + id))).contains("Ganzhou", "separation", recipient, "2027-06-01",
                "2032-06-01");
    }

    @Test
    void licences_and_zones_are_on_a_map_drawn_from_the_registry() {
        openAs(demo().regulatorToken(), "/registry/licences");

        visible(By.cssSelector("div.map path.leaflet-interactive"));
        assertThat(text(By.id("licence-ML-PRK-2024-0117"))).contains("mining lease", "OP-KINTA-CLAY", "MY-PRK-ISL-01",
                "2024-01-01", "2034-01-01", "yes");
        screenshot("registry-licences");

        browser().findElement(By.linkText("Add or amend a licence term")).click();
        waitUntilLoaded();
        browser().findElement(By.id("f-id")).sendKeys("ML-PAGES-0001");
        new Select(browser().findElement(By.id("f-kind"))).selectByValue("MINING_LEASE");
        browser().findElement(By.id("f-holder")).sendKeys("OP-KINTA-CLAY");
        browser().findElement(By.id("f-area")).sendKeys("{\"type\": \"Polygon\", \"coordinates\": [[[101.1, 5.2]]");
        clickToNewPage(By.cssSelector("form button[type=submit].primary"));
        assertThat(text(By.id("f-area-error"))).startsWith("not GeoJSON");
        assertThat(browser().findElement(By.id("f-area")).getAttribute("value")).startsWith("{\"type\": \"Polygon\"");
        assertThat(browser().findElement(By.id("f-issuer")).getAttribute("value")).isEqualTo("MY");
        open("/registry/zones");
        assertThat(text(By.id("zone-HSK-PRK-0231"))).contains("permanent forest reserve");
    }

    @Test
    void an_operator_sees_its_own_entries_and_is_refused_the_regulators_forms() {
        openAs(demo().magnetMakerToken(), "/registry");

        List<WebElement> rows = browser().findElements(By.cssSelector("#operators tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getText()).contains("OP-JOHOR-MAG");
        assertThat(browser().findElements(By.linkText("Register an operator"))).isEmpty();

        open("/registry/operators/new");
        assertThat(text(By.cssSelector("h1"))).startsWith("403");
        open("/registry/licences/new");
        assertThat(text(By.cssSelector("h1"))).startsWith("403");
    }

    @Test
    void the_state_link_speaks_bahasa_malaysia() {
        openAs(demo().regulatorToken(), "/registry/operators/OP-PAHANG-RE");
        browser().findElement(By.linkText("Bahasa Malaysia")).click();
        waitUntilLoaded();

        assertThat(text(By.cssSelector("#state-link h2"))).isEqualTo("Kaitan kerajaan");
        assertThat(text(By.cssSelector("#state-link-answer .verdict")))
                .startsWith("OP-PAHANG-RE berkaitan dengan kerajaan MY. Pemilikan kerajaan berkesan 55.9 %");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ms");
    }
}

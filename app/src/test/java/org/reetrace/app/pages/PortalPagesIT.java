package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.TestDataDirs;

/** The operator's portal: the demo's magnet maker and separation plant at their own books, and their uploads. */
class PortalPagesIT extends BrowserIT {

    private static final Path FILES = TestDataDirs.fresh("portal-uploads");

    private static Path file(String name, String content) {
        try {
            return Files.writeString(FILES.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_magnet_maker_sees_its_facility_lots_and_alerts_each_linked() {
        openAs(demo().magnetMakerToken(), "/portal");

        assertThat(text(By.cssSelector("h1"))).isEqualTo("Johor Magnet Works Sdn Bhd OP-JOHOR-MAG");
        WebElement facility = browser().findElement(By.linkText("MY-JHR-MAG-01"));
        assertThat(facility.getAttribute("href")).isEqualTo(url("/facilities/MY-JHR-MAG-01"));
        assertThat(facility.findElement(By.xpath("ancestor::tr")).getText())
                .contains("Pasir Gudang sintered magnet plant");
        assertThat(browser().findElement(By.cssSelector("#portal-lots nav a[aria-current=true]")).getText())
                .as("the first status in which it has lots").matches("(Active|Exported) \\(\\d+\\)");
        assertThat(text(By.cssSelector("#portal-figures"))).contains("Exported\n1");
        browser().findElement(By.partialLinkText("Exported")).click();
        WebElement magnets = visible(By.cssSelector("#portal-lots a[href='/lots/MAG-2026-0001']"));
        assertThat(magnets.findElement(By.xpath("ancestor::tr")).getText()).contains("MAGNET").contains("Exported");
        assertThat(currentPath()).isEqualTo("/portal?status=EXPORTED");
        open("/portal?status=CONSUMED");
        assertThat(browser().findElement(By.cssSelector("#portal-lots a[href='/lots/ALLOY-2026-0001']"))
                .findElement(By.xpath("ancestor::tr")).getText()).contains("Consumed");
        for (String status : List.of("ACTIVE", "IN_TRANSIT", "CONSUMED", "EXPORTED", "DISPOSED")) {
            open("/portal?status=" + status);
            assertThat(browser().findElements(By.cssSelector("#portal-lots a[href='/lots/DYO-CN-2026-0001']")))
                    .as("another operator's lot").isEmpty();
        }
        assertThat(text(By.id("portal-alerts"))).startsWith("Open alerts on your events and facilities");
        open("/portal");
        screenshot("portal");
    }

    @Test
    void lots_come_a_page_at_a_time_and_by_status_without_reloading_the_page() {
        openAs(demo().separationPlantToken(), "/portal?status=CONSUMED&size=1");
        String first = text(By.cssSelector("#portal-lots tbody tr th"));
        assertThat(text(By.cssSelector("#portal-lots caption"))).matches("Consumed: page 1 of [2-9], [2-9] lots, the last booked on first");
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("window.marker = 'same page'");

        browser().findElement(By.linkText("Next page")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> currentPath().contains("page=2"));

        assertThat(visible(By.cssSelector("#portal-lots caption")).getText()).startsWith("Consumed: page 2 of ");
        assertThat(text(By.cssSelector("#portal-lots tbody tr th"))).isNotEqualTo(first);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("return window.marker"))
                .as("htmx swapped the lots, the page stayed").isEqualTo("same page");

        browser().findElement(By.partialLinkText("Active")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> currentPath().equals("/portal?status=ACTIVE"));
        List<WebElement> rows = browser().findElements(By.cssSelector("#portal-lots tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("Active"));
    }

    @Test
    void a_file_with_one_good_and_one_refused_event_books_the_good_one_and_says_why_the_other_was_refused() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Path events = file("events-" + p + ".json", """
                {"events": [
                  {"id": "portal-import-%1$s", "type": "IMPORT", "time": "2026-05-02T03:00:00Z",
                   "facility": "MY-JHR-MAG-01", "lot": "DYO/CN/%1$s", "form": "SEPARATED_COMPOUND", "massKg": 5,
                   "compositionMg": {"Dy": 4334820}, "originCountry": "CN",
                   "supplier": "Ganzhou Heavy Rare Earth Trading Co.",
                   "upstreamStages": [{"kind": "SEPARATION", "country": "CN", "technologyCountry": "CN"}],
                   "declaration": {"number": "K1-%1$s", "hsCode": "2846.90",
                                   "counterparty": "Ganzhou Heavy Rare Earth Trading Co.", "country": "CN"}},
                  {"id": "portal-ship-%1$s", "type": "SHIP", "time": "2026-05-03T03:00:00Z",
                   "facility": "MY-JHR-MAG-01", "lot": "MAG-2026-0001", "destination": "MY-MLK-MET-01"}
                ]}""".formatted(p));
        openAs(demo().magnetMakerToken(), "/portal");

        browser().findElement(By.id("events-file")).sendKeys(events.toString());
        clickToNewPage(By.cssSelector("form[action='/portal/events'] button[type=submit]"));

        assertThat(currentPath()).isEqualTo("/portal/events");
        assertThat(text(By.id("booking-summary"))).isEqualTo(events.getFileName()
                + ": 2 events, 1 booked, 1 not booked.");
        String booked = text(By.id("outcome-0"));
        assertThat(booked).startsWith("1 portal-import-" + p + " booked booked as number ").contains("DYO/CN/" + p);
        assertThat(browser().findElement(By.cssSelector("#outcome-0 a")).getAttribute("href"))
                .as("a lot id's slashes stay slashes").isEqualTo(url("/lots/DYO/CN/" + p));
        String refused = text(By.id("outcome-1"));
        assertThat(refused).startsWith("2 portal-ship-" + p + " refused by the books");
        assertThat(text(By.cssSelector("#outcome-1 .rule"))).isNotBlank();
        assertThat(text(By.cssSelector("#outcome-1 .message"))).contains("MAG-2026-0001");
        screenshot("portal-booking");

        open("/portal?status=ACTIVE");
        assertThat(browser().findElements(By.cssSelector("#portal-lots a[href='/lots/DYO/CN/" + p + "']"))).hasSize(1);
    }

    @Test
    void a_file_that_holds_no_events_is_refused_beside_its_field() {
        Path nonsense = file("nonsense.json", "[1, 2, 3]");
        openAs(demo().magnetMakerToken(), "/portal");

        browser().findElement(By.id("events-file")).sendKeys(nonsense.toString());
        clickToNewPage(By.cssSelector("form[action='/portal/events'] button[type=submit]"));

        assertThat(text(By.id("events-file-error"))).startsWith("The file holds no events that can be read:");
        assertThat(browser().findElement(By.id("events-file")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void an_epcis_document_is_captured_as_a_job_whose_refusals_are_listed_per_event() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"type": "ObjectEvent", "eventTime": "2026-05-04T03:00:00Z", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%2$s", "action": "ADD", "bizStep": "receiving", "disposition": "active",
                 "bizLocation": {"id": "urn:reetrace:facility:MY-JHR-MAG-01"},
                 "bizTransactionList": [{"type": "https://reetrace.org/epcis/profile/1#customsDeclaration",
                                         "bizTransaction": "urn:reetrace:customs:K1-%1$s"}],
                 "quantityList": [{"epcClass": "urn:reetrace:lot:TB-CN-%1$s", "quantity": 2, "uom": "KGM"}],
                 "sourceList": [{"type": "owning_party", "source": "urn:reetrace:party:Ganzhou+Trading"}],
                 "destinationList": [{"type": "location", "destination": "urn:reetrace:facility:MY-JHR-MAG-01"}],
                 "ilmd": {"ree:lot": {"ree:epcClass": "urn:reetrace:lot:TB-CN-%1$s",
                          "ree:materialForm": "SEPARATED_COMPOUND", "ree:composition": {"ree:Tb": 1700000}}},
                 "ree:ledgerEvent": "IMPORT", "ree:hsCode": "2846.90", "ree:counterpartyCountry": "CN",
                 "ree:originCountry": "CN", "ree:supplier": "Ganzhou Trading",
                 "ree:upstreamStage": {"ree:kind": "SEPARATION", "ree:country": "CN", "ree:technologyCountry": "CN"}}""";
        Path document = file("capture-" + p + ".jsonld", """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"ree": "https://reetrace.org/epcis/profile/1#"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-05-04T04:00:00Z",
                 "epcisBody": {"eventList": [%s, %s]}}""".formatted(
                event.formatted(p, UUID.randomUUID()), event.formatted(p, UUID.randomUUID())));
        openAs(demo().magnetMakerToken(), "/portal");

        browser().findElement(By.id("epcis-file")).sendKeys(document.toString());
        clickToNewPage(By.cssSelector("form[action='/portal/epcis'] button[type=submit]"));

        assertThat(currentPath()).startsWith("/portal/captures/capture-");
        new WebDriverWait(browser(), Duration.ofSeconds(20))
                .until(d -> !text(By.id("capture-status")).startsWith("Capturing"));
        assertThat(text(By.id("capture-status"))).isEqualTo("2 events, 1 stored: see below what was not.");
        WebElement refusal = browser().findElement(By.cssSelector("#capture-errors tbody tr"));
        assertThat(refusal.findElement(By.cssSelector("td")).getText()).isEqualTo("2");
        assertThat(refusal.getText()).contains("TB-CN-" + p);
    }

    @Test
    void a_regulator_has_no_portal() {
        openAs(demo().regulatorToken(), "/portal");

        assertThat(text(By.cssSelector("h1"))).isEqualTo("403 · Not allowed");
    }
}

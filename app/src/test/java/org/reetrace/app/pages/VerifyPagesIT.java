package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person with a certificate checks it on the public page, by its file or by the address in its QR code. */
class VerifyPagesIT extends BrowserIT {

    @Test
    void anyone_checks_the_demo_certificate_by_the_address_of_its_qr_code_and_sees_every_check_pass() {
        browser().manage().deleteAllCookies();
        open("/verify");
        browser().findElement(By.id("verify-url")).sendKeys(demo().certificate().url());
        clickToNewPage(By.cssSelector("button[type=submit]"));

        assertThat(text(By.id("verify-verdict"))).startsWith("VALID");
        assertThat(text(By.id("verify-lot"))).isEqualTo("MAG-2026-0001");
        String checks = text(By.id("verify-checks"));
        assertThat(checks).contains("Signature passed").contains("Issuer and key passed")
                .contains("In the public log passed").contains("Not revoked passed").doesNotContain("failed");
        screenshot("verify");
    }

    @Test
    void a_certificate_file_with_a_changed_byte_is_not_valid_and_the_page_says_which_check_failed() throws Exception {
        String jws = send(request("/credentials/" + demo().certificate().id(), null)
                .setHeader("Accept", "application/vc+jwt")).body().strip();
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("MAG-2026-0001", "MAG-2026-0002").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        Path file = Files.createTempFile("forged", ".vc.jwt");
        Files.writeString(file, forged);
        Path genuine = Files.createTempFile("genuine", ".vc.jwt");
        Files.writeString(genuine, jws);

        browser().manage().deleteAllCookies();
        open("/verify?lang=ms");
        browser().findElement(By.id("verify-file")).sendKeys(file.toString());
        clickToNewPage(By.cssSelector("button[type=submit]"));
        assertThat(text(By.id("verify-verdict"))).startsWith("TIDAK SAH");
        assertThat(text(By.id("verify-checks"))).contains("Tandatangan gagal");

        open("/verify?lang=en");
        browser().findElement(By.id("verify-file")).sendKeys(genuine.toString());
        clickToNewPage(By.cssSelector("button[type=submit]"));
        assertThat(text(By.id("verify-verdict"))).startsWith("VALID");
    }

    @Test
    void nothing_given_or_another_registers_address_is_shown_beside_the_field_and_nothing_is_fetched() {
        browser().manage().deleteAllCookies();
        open("/verify?lang=en");
        clickToNewPage(By.cssSelector("button[type=submit]"));
        assertThat(text(By.id("verify-file-error"))).contains("Choose a certificate file");

        browser().findElement(By.id("verify-url")).sendKeys("https://elsewhere.example/credentials/x");
        clickToNewPage(By.cssSelector("button[type=submit]"));
        assertThat(text(By.id("verify-url-error"))).contains("https://elsewhere.example/credentials/x")
                .contains("not the address of a certificate of this register");
        assertThat(browser().findElement(By.id("verify-url")).getAttribute("value"))
                .isEqualTo("https://elsewhere.example/credentials/x");
    }
}

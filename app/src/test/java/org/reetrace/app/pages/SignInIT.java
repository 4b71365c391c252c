package org.reetrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;

class SignInIT extends BrowserIT {

    @Test
    void a_page_asked_for_before_signing_in_opens_after_it() {
        open("/alerts?status=OPEN");
        assertThat(currentPath()).isEqualTo("/sign-in");
        assertThat(browser().findElement(By.cssSelector("label[for=token]")).getText()).isEqualTo("Token");

        signIn(demo().regulatorToken());

        assertThat(currentPath()).isEqualTo("/alerts?status=OPEN&continue");
    }

    @Test
    void a_wrong_token_is_refused_beside_its_field_and_nothing_opens() {
        open("/sign-in");
        signIn("rtk_not-a-token");

        assertThat(currentPath()).isEqualTo("/sign-in?failed");
        assertThat(text(By.id("sign-in-message"))).isEqualTo("This token is not valid. Check that you copied all of it.");
        assertThat(browser().findElement(By.id("token")).getAttribute("aria-invalid")).isEqualTo("true");
        open("/");
        assertThat(currentPath()).isEqualTo("/sign-in");
    }

    @Test
    void a_revoked_token_ends_the_session_at_the_next_page() {
        String token = tokenFor(Caller.of("auditor to revoke", Role.AUDITOR));
        open("/sign-in");
        signIn(token);
        assertThat(currentPath()).isEqualTo("/alerts");

        apiTokens.revoke(apiTokens.list(java.util.Optional.empty()).stream()
                .filter(stored -> stored.caller().name().equals("auditor to revoke")).findFirst().orElseThrow().id(), "test");
        open("/alerts");

        assertThat(currentPath()).isEqualTo("/sign-in?ended");
        assertThat(text(By.id("sign-in-message"))).isEqualTo("Your session ended. Sign in again to go on where you were.");
    }

    @Test
    void the_language_switch_speaks_bahasa_malaysia_and_keeps_it() {
        open("/sign-in");
        browser().findElement(By.linkText("Bahasa Malaysia")).click();
        waitUntilLoaded();

        assertThat(text(By.cssSelector("h1"))).isEqualTo("Log masuk");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ms");
        open("/sign-in");
        assertThat(text(By.cssSelector("label[for=token]"))).isEqualTo("Token");
        assertThat(text(By.cssSelector("button[type=submit]"))).isEqualTo("Log masuk");

        browser().findElement(By.linkText("English")).click();
        waitUntilLoaded();
        assertThat(text(By.cssSelector("h1"))).isEqualTo("Sign in");
    }

    @Test
    void the_magnet_maker_lands_on_its_portal_sees_its_name_and_signs_out_with_the_header_s_button() {
        open("/sign-in");
        signIn(demo().magnetMakerToken());

        assertThat(currentPath()).isEqualTo("/portal");
        assertThat(text(By.cssSelector(".who"))).isEqualTo("demo magnet maker · operator");

        clickToNewPage(By.cssSelector("form.sign-out button[type=submit]"));

        assertThat(currentPath()).isEqualTo("/sign-in?signed-out");
        assertThat(text(By.id("sign-in-message"))).isEqualTo("You are signed out.");
        open("/portal");
        assertThat(currentPath()).isEqualTo("/sign-in");
    }

    @Test
    void a_customs_officer_lands_on_the_customs_desk() {
        open("/sign-in");
        signIn(tokenFor(Caller.of("customs officer", Role.CUSTOMS)));

        assertThat(currentPath()).isEqualTo("/customs");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("Export pre-check");
    }
}

package chat.plume.identity;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.MailServer;
import chat.plume.testing.Names;
import chat.plume.testing.PageAudit;
import java.time.Duration;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person in a real browser, with a real SMTP server on loopback: signs up with an email
 * address, opens the link mailed to it, forgets the password, asks for a link from the sign-in
 * page, opens it, chooses a new password and signs in with it.
 */
@RunAsClient
class PasswordRecoveryBrowserIT extends ClientTestBase {

    private static final Duration MAIL = Duration.ofSeconds(20);

    @Test
    void signUpWithAnAddressVerifyItForgetThePasswordAndRecoverIt() {
        String username = Names.unique("Recover");
        String address = username.toLowerCase(Locale.ROOT) + "@mail.plume.test";
        try (MailServer mail = MailServer.start();
                Browser browser = Browser.open("en-US")) {
            WebDriver page = browser.driver();
            page.get(url.toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
            page.findElement(By.id("tab-register")).click();
            page.findElement(By.id("register-username")).sendKeys(username);
            page.findElement(By.id("register-display-name")).sendKeys("Recover <i>me</i>");
            page.findElement(By.id("register-password")).sendKeys("first-password");
            page.findElement(By.id("register-email")).sendKeys(address);
            page.findElement(By.cssSelector("#form-register button[type=submit]"))
                    .click();
            awaitConnected(browser);

            // The profile says the address waits for its link.
            browser.visit(url, "#/profile/email");
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("email-pending"), "Waiting for the link mailed to " + address));
            browser.assertEveryControlIsNamed();
            browser.screenshot("email-pending");

            MailServer.Received verify = mail.await(address, MAIL);
            assertThat(verify.html()).contains("Recover &lt;i&gt;me&lt;/i&gt;");
            openLink(browser, "#/verify-email/" + verify.token("verify-email"));
            browser.waiting()
                    .until(ExpectedConditions.textToBe(
                            By.id("link-result-text"), "Your email address " + address + " is verified."));
            assertThat(page.getCurrentUrl()).doesNotContain("plm_");
            browser.screenshot("email-verified");
            page.findElement(By.id("link-continue")).click();
            awaitConnected(browser);
            browser.visit(url, "#/profile/email");
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("email-verified"), "Verified address: " + address));

            page.findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
            page.findElement(By.id("open-forgot")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-forgot")));
            browser.assertEveryControlIsNamed();
            page.findElement(By.id("forgot-login")).sendKeys(username);
            page.findElement(By.cssSelector("#form-forgot button[type=submit]")).click();
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("forgot-sent"), "a link is on its way"));
            assertThat(PageAudit.axeViolations(browser)).isEmpty();
            browser.screenshot("forgot-sent");

            String token = mail.await(address, 2, MAIL).token("reset-password");
            openLink(browser, "#/reset-password/" + token);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-reset")));
            assertThat(page.getCurrentUrl()).doesNotContain("plm_");
            browser.assertEveryControlIsNamed();
            page.findElement(By.id("reset-password")).sendKeys("second-password");
            browser.screenshot("reset-form");
            page.findElement(By.cssSelector("#form-reset button[type=submit]")).click();
            browser.waiting()
                    .until(ExpectedConditions.textToBe(
                            By.id("signin-notice"), "Your password is changed. Sign in with it."));

            page.findElement(By.id("signin-username")).sendKeys(username);
            page.findElement(By.id("signin-password")).sendKeys("second-password");
            page.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
            awaitConnected(browser);

            // The link worked once: opened again, it says so.
            assertThat(mail.await(address, 3, MAIL).subject()).isEqualTo("Your password was changed");
            openLink(browser, "#/reset-password/" + token);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-reset")));
            page.findElement(By.id("reset-password")).sendKeys("third-password");
            page.findElement(By.cssSelector("#form-reset button[type=submit]")).click();
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#form-reset [data-error-for=form]"), "This link does not work"));
        }
    }

    /** Opens a mail's link as a mail client would: a fresh page load, not a hash change. */
    private void openLink(Browser browser, String fragment) {
        browser.driver().get("about:blank");
        browser.driver().get(url.toString() + fragment);
    }

    private static void awaitConnected(Browser browser) {
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
    }
}

package chat.plume.admin;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Person;
import chat.plume.testing.TotpCodes;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in real browsers: an administrator bans a person who is chatting in another
 * browser; that person's page signs out saying why, sign-in is refused, and the ban is in the
 * audit log with its reason, the chain verifying. Someone who is not an administrator sees no
 * data at all.
 */
@RunAsClient
class AdminConsoleBrowserIT extends ClientTestBase {

    private static final String REASON = "Spam <b>links</b> in 5 groups";

    @Test
    void anAdministratorBansSomeoneWhoIsChattingAndFindsItInTheAuditLog() {
        Person spammer = Person.create(api, "Banned");
        try (Browser admin = Browser.open("en-US");
                Browser victim = Browser.open("en-US")) {
            try {
                WebDriver v = victim.signIn(url, spammer);
                // The administrator has two-factor authentication (Person.admin enrols it once): the
                // sign-in page asks for the code after the password.
                Person.admin(api);
                WebDriver a = admin.signIn(
                        url, Person.ADMIN, Person.ADMIN_PASSWORD, () -> TotpCodes.fresh(Person.adminTotpSecret()));

                // The chat page links administrators to the console.
                a.findElement(By.cssSelector(".nav-item[data-section=profile]")).click();
                WebElement link =
                        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("open-admin")));
                link.click();
                admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
                // The console opens on the live dashboard: every figure a card with its own chart.
                admin.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card svg.chart"), 11));
                admin.waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(".card[data-card=connections] polyline")));
                admin.screenshot("admin-dashboard");
                a.findElement(By.cssSelector(".console-nav a[data-section=people]"))
                        .click();

                WebElement search = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("#console-main input[name=q]")));
                search.sendKeys(spammer.username());
                a.findElement(By.cssSelector("#console-main form.search button"))
                        .click();
                // The list re-renders when the search's answer comes: the link is looked up again.
                admin.click(By.linkText("Name " + spammer.username()));
                admin.waiting()
                        .until(ExpectedConditions.textToBe(
                                By.cssSelector("#console-main h1"), "Name " + spammer.username()));
                admin.screenshot("admin-person");
                admin.assertEveryControlIsNamed();

                a.findElement(By.xpath("//button[text()='Ban']")).click();
                WebElement dialog = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
                // No reason: the dialog says so and nothing happens.
                dialog.findElement(By.cssSelector("button[type=submit]")).click();
                assertThat(admin.waiting()
                                .until(ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector("dialog [data-error-for=reason]")))
                                .getText())
                        .isEqualTo("Give a reason.");
                dialog.findElement(By.id("action-reason")).sendKeys(REASON);
                dialog.findElement(By.id("action-permanent")).click();
                dialog.findElement(By.cssSelector("button[type=submit]")).click();
                admin.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#console-main .state-line"), "Banned permanently"));

                // The person's page is signed out at once and says why; signing in again is refused.
                victim.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
                assertThat(victim.waiting()
                                .until(ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector("#form-signin [data-error-for=form]")))
                                .getText())
                        .isEqualTo("You were signed out: this account has been suspended.");
                victim.screenshot("banned-signed-out");
                v.findElement(By.id("signin-username")).sendKeys(spammer.username());
                v.findElement(By.id("signin-password")).sendKeys("pass-" + spammer.username());
                v.findElement(By.cssSelector("#form-signin button[type=submit]"))
                        .click();
                victim.waiting()
                        .until(ExpectedConditions.textToBe(
                                By.cssSelector("#form-signin [data-error-for=form]"), "This account is suspended."));

                // The audit log has it, with the reason as text; the chain verifies.
                a.findElement(By.cssSelector(".console-nav a[data-section=audit]"))
                        .click();
                admin.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#console-main h1"), "Audit log"));
                By banRow = By.xpath("//table[contains(@class,'audit')]//tr[td/code[text()='account.ban']]"
                        + "[td/a[text()='@" + spammer.username() + "']]/td[contains(@class,'reason')]");
                admin.waiting().until(ExpectedConditions.textToBe(banRow, REASON));
                assertThat(a.findElements(By.cssSelector("td.reason b"))).isEmpty();
                a.findElement(By.xpath("//button[text()='Verify the chain']")).click();
                assertThat(admin.waiting()
                                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".verdict.ok")))
                                .getText())
                        .startsWith("The chain is intact");
                admin.screenshot("admin-audit");
                admin.resize(true);
                admin.screenshot("admin-audit-phone");
            } catch (RuntimeException | AssertionError failure) {
                admin.capture("failed-admin-console");
                victim.capture("failed-admin-victim");
                throw failure;
            }
        }
    }

    @Test
    void someoneWhoIsNotAnAdministratorSeesNoData() {
        Person someone = Person.create(api, "Curious");
        try (Browser browser = Browser.open("zh-CN")) {
            browser.steps("not-admin", () -> {
                WebDriver page = browser.signIn(url, someone);
                assertThat(page.findElement(By.id("open-admin")).isDisplayed()).isFalse();
                page.get(url.toString().replaceAll("/$", "") + "/admin/");
                WebElement notice =
                        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-admin")));
                assertThat(notice.getText()).contains("仅限管理员");
                assertThat(page.findElement(By.id("console")).isDisplayed()).isFalse();
                assertThat(page.findElements(By.cssSelector("table.data"))).isEmpty();
            });
        }
        try (Browser browser = Browser.open("en-US")) {
            // Signed out: the console sends the visitor to sign in.
            browser.driver().get(url.toString().replaceAll("/$", "") + "/admin/");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
        }
    }

    @Test
    void aPersonTurnsOnTwoFactorFromTheProfileAndSignsInWithACode() {
        Person person = Person.create(api, "TwoStep");
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("two-factor", () -> {
                WebDriver page = browser.signIn(url, person);
                page.get(url.toString().replaceAll("/$", "") + "/#/profile/two-factor");
                browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-begin-password")))
                        .sendKeys("pass-" + person.username());
                page.findElement(By.id("two-factor-start")).click();
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.qr path")));
                String secret =
                        page.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
                assertThat(secret).matches("[A-Z2-7]{32}");
                browser.screenshot("two-factor-enrol");
                page.findElement(By.id("two-factor-code")).sendKeys(TotpCodes.fresh(secret));
                page.findElement(By.cssSelector("#two-factor-setup button[type=submit]"))
                        .click();
                assertThat(browser.waiting()
                                .until(ExpectedConditions.numberOfElementsToBe(
                                        By.cssSelector("#recovery-codes li"), 10)))
                        .hasSize(10);
                browser.assertEveryControlIsNamed();

                page.findElement(By.cssSelector(".nav-item[data-section=profile]"))
                        .click();
                browser.waiting()
                        .until(ExpectedConditions.elementToBeClickable(By.id("sign-out")))
                        .click();
                browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")))
                        .sendKeys(person.username());
                page.findElement(By.id("signin-password")).sendKeys("pass-" + person.username());
                page.findElement(By.cssSelector("#form-signin button[type=submit]"))
                        .click();
                browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-code")))
                        .sendKeys(TotpCodes.fresh(secret));
                page.findElement(By.cssSelector("#form-signin button[type=submit]"))
                        .click();
                browser.waiting()
                        .until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
            });
        }
    }
}

package chat.plume.admin;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Person;
import chat.plume.testing.TotpCodes;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's other sections in real browsers: an announcement published from the console
 * shows at once on a person's open page, as text, and goes when they dismiss it; a group is found
 * and muted from its page; a clean-up job runs at a click and its run is listed.
 */
@RunAsClient
class ConsoleSectionsBrowserIT extends ClientTestBase {

    private static final String NOTICE = "Upgrade tonight <script>alert(1)</script>";

    @Test
    void anAdministratorAnnouncesMutesAGroupAndRunsAClean() {
        Person owner = Person.create(api, "Club");
        Person member = Person.create(api, "Reader");
        befriend(owner, member);
        String groupName = "club-" + owner.username().toLowerCase();
        long group = owner.createGroup(groupName, member);
        Person.admin(api);
        try (Browser admin = Browser.open("en-US");
                Browser person = Browser.open("en-US")) {
            try {
                WebDriver p = person.signIn(url, member);
                WebDriver a = admin.signIn(
                        url, Person.ADMIN, Person.ADMIN_PASSWORD, () -> TotpCodes.fresh(Person.adminTotpSecret()));
                String console = url.toString().replaceAll("/$", "") + "/admin/#/";

                // Announcements: published from a dialog, live on the person's page, dismissed there.
                a.get(console + "announcements");
                admin.waiting()
                        .until(ExpectedConditions.elementToBeClickable(By.id("announce-new")))
                        .click();
                WebElement dialog = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
                dialog.findElement(By.id("announce-body")).sendKeys(NOTICE);
                dialog.findElement(By.id("announce-link")).sendKeys("https://status.example.org/");
                admin.assertEveryControlIsNamed();
                dialog.findElement(By.cssSelector("button[type=submit]")).click();
                By banner = By.cssSelector("#notices .banner");
                WebElement shown = person.waiting().until(ExpectedConditions.visibilityOfElementLocated(banner));
                assertThat(shown.findElement(By.cssSelector(".banner-text")).getText())
                        .startsWith(NOTICE);
                assertThat(p.findElements(By.cssSelector("#notices script"))).isEmpty();
                person.screenshot("announcement-banner");
                shown.findElement(By.cssSelector(".banner-dismiss")).click();
                person.waiting().until(ExpectedConditions.invisibilityOfElementLocated(banner));
                admin.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-main"), NOTICE));
                admin.screenshot("admin-announcements");
                // Ended from the list, so no other test meets it.
                a.findElement(By.cssSelector("button[data-end]")).click();
                admin.waiting()
                        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[data-end]")));

                // Groups: found by name, muted from its page with a reason.
                a.get(console + "groups?q=" + groupName);
                admin.waiting()
                        .until(ExpectedConditions.elementToBeClickable(By.linkText(groupName)))
                        .click();
                admin.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#console-main h1"), groupName));
                admin.assertEveryControlIsNamed();
                a.findElement(By.xpath("//button[text()='Mute all']")).click();
                dialog = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
                dialog.findElement(By.id("action-reason")).sendKeys("a flame war");
                dialog.findElement(By.cssSelector("button[type=submit]")).click();
                admin.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("console-main"), "All muted until"));
                admin.screenshot("admin-group");
                JsonObject seen = ok(200, member.get("/groups/" + group));
                assertThat(seen.containsKey("allMutedUntil")).isTrue();

                // Clean-up: a run at a click, then listed with where it ran.
                a.get(console + "jobs");
                By sessionsRow = By.cssSelector("tr[data-job=sessions]");
                String before = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(sessionsRow))
                        .getAttribute("data-last-run");
                a.findElement(By.cssSelector("button[data-run=sessions]")).click();
                // This run's line: the last run is another one, and it completed.
                admin.waiting().until(d -> {
                    WebElement row = d.findElement(sessionsRow);
                    return !row.getAttribute("data-last-run").equals(before)
                            && row.getText().contains("completed");
                });
                assertThat(a.findElement(By.cssSelector("tr[data-job=messages]"))
                                .getText())
                        .contains("30 days");
                admin.assertEveryControlIsNamed();
                admin.screenshot("admin-jobs");
                admin.resize(true);
                admin.screenshot("admin-jobs-phone");
            } catch (RuntimeException | AssertionError failure) {
                admin.capture("failed-console-sections-admin");
                person.capture("failed-console-sections-person");
                throw failure;
            }
        }
    }
}

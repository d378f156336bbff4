package chat.plume.reports;

import static chat.plume.testing.Person.befriend;
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
 * A report in real browsers, from end to end: one member reports a message from its menu, the
 * administrator finds it in the console's queue (the badge counts it) with the message among its
 * neighbours, recalls it with one click — and a third member's open page shows it recalled, live,
 * while the reporter's page says the report was handled.
 */
@RunAsClient
class ReportsBrowserIT extends ClientTestBase {

    private static final String ABUSE = "send me your password <img src=x onerror=alert(1)>";

    @Test
    void aReportFromThePageIsResolvedInTheConsoleAndTheMessageIsRecalledLiveForEveryone() {
        Person troll = Person.create(api, "Troll");
        Person reporter = Person.create(api, "Reporter");
        Person third = Person.create(api, "Third");
        befriend(troll, reporter);
        befriend(troll, third);
        long group = troll.createGroup("neighbours", reporter, third);
        long conversation = troll.conversationOfGroup(group);
        troll.sendText(conversation, "b-1", "good morning");
        long seq =
                troll.sendText(conversation, "b-2", ABUSE).getJsonNumber("seq").longValue();
        Person.admin(api);
        try (Browser reporting = Browser.open("en-US");
                Browser watching = Browser.open("zh-CN");
                Browser admin = Browser.open("en-US")) {
            try {
                WebDriver r = reporting.signIn(url, reporter);
                reporting.visit(url, "#/chats/" + conversation);
                WebDriver w = watching.signIn(url, third);
                watching.visit(url, "#/chats/" + conversation);
                By abusive = By.cssSelector(".chat-messages .message[data-seq='" + seq + "']");
                watching.waiting().until(ExpectedConditions.visibilityOfElementLocated(abusive));

                // The reporter opens the message's menu and reports it, with a reason and a note.
                WebElement message = reporting.waiting().until(ExpectedConditions.visibilityOfElementLocated(abusive));
                new org.openqa.selenium.interactions.Actions(r)
                        .contextClick(message.findElement(By.cssSelector(".bubble")))
                        .perform();
                reporting
                        .waiting()
                        .until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector(".message-menu button[data-action=report]")))
                        .click();
                WebElement dialog = reporting
                        .waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("report-dialog")));
                dialog.findElement(By.cssSelector("input[value=harassment]")).click();
                dialog.findElement(By.id("report-note")).sendKeys("phishing in our group");
                reporting.assertEveryControlIsNamed();
                reporting.screenshot("report-dialog");
                dialog.findElement(By.id("report-send")).click();
                reporting
                        .waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report-done")));
                dialog.findElement(By.cssSelector(".report-form .actions button"))
                        .click();

                // The administrator: the queue's badge counts it, the report shows the message as sent.
                admin.signIn(url, Person.ADMIN, Person.ADMIN_PASSWORD, () -> TotpCodes.fresh(Person.adminTotpSecret()));
                WebDriver a = admin.driver();
                a.get(url.toString().replaceAll("/$", "") + "/admin/#/reports");
                admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reports-badge")));
                By row = By.xpath("//table[contains(@class,'data')]//tr[td[text()='phishing in our group']]//a");
                admin.waiting()
                        .until(ExpectedConditions.elementToBeClickable(row))
                        .click();
                WebElement reported = admin.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".evidence li.reported .evidence-body")));
                assertThat(reported.getText()).isEqualTo(ABUSE);
                assertThat(a.findElements(By.cssSelector(".evidence img"))).isEmpty();
                assertThat(a.findElements(By.cssSelector(".evidence li"))).hasSizeGreaterThanOrEqualTo(2);
                assertThat(a.findElement(By.id("decision-reason")).getAttribute("value"))
                        .startsWith("Report #")
                        .endsWith("Harassment or bullying");
                admin.assertEveryControlIsNamed();
                admin.screenshot("admin-report");
                a.findElement(By.cssSelector("button[data-decision=recall]")).click();
                admin.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("console-main"), "Message recalled"));

                // Live in the third member's page (in Chinese), and the reporter is told.
                watching.waiting().until(ExpectedConditions.textToBePresentInElementLocated(abusive, "撤回"));
                assertThat(w.findElement(abusive).getText()).doesNotContain("password");
                watching.screenshot("recalled-live");
                reporting
                        .waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("notices"), "a moderator reviewed your report"));
                reporting.screenshot("report-handled");
            } catch (RuntimeException | AssertionError failure) {
                reporting.capture("failed-report-reporter");
                watching.capture("failed-report-watcher");
                admin.capture("failed-report-admin");
                throw failure;
            }
        }
    }
}

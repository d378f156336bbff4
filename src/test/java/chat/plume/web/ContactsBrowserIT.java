package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Person;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two people in two browsers: one finds and adds the other, the other sees the request arrive
 * and accepts it, and both see the friendship appear without reloading; then a remark and a
 * group, again live on the other screen.
 */
@RunAsClient
class ContactsBrowserIT extends ClientTestBase {

    @Test
    void twoPeopleBecomeFriendsAndFormAGroupLive() {
        Person alice = Person.create(api, "Alice");
        Person bob = Person.create(api, "Bob");
        try (Browser aliceBrowser = Browser.open("en-US");
                Browser bobBrowser = Browser.open("zh-CN")) {
            try {
                befriendAndGroup(aliceBrowser, bobBrowser, alice, bob);
            } catch (RuntimeException | AssertionError failure) {
                aliceBrowser.capture("failed-contacts-alice");
                bobBrowser.capture("failed-contacts-bob");
                throw failure;
            }
        }
    }

    private void befriendAndGroup(Browser aliceBrowser, Browser bobBrowser, Person alice, Person bob) {
        WebDriver a = aliceBrowser.signIn(url, alice);
        WebDriver b = bobBrowser.signIn(url, bob);
        openContacts(a);
        openContacts(b);

        a.findElement(By.id("contacts-search")).sendKeys(bob.username());
        a.findElement(By.cssSelector("#contacts-body .search button[type=submit]"))
                .click();
        aliceBrowser
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".person-result[data-user-id='" + bob.id() + "']")))
                .click();
        aliceBrowser
                .waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("friend-request-message")))
                .sendKeys("Hi Bob, it's Alice");
        a.findElement(By.id("send-friend-request")).click();
        aliceBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("request-sent")));

        // Bob's page shows the request without a reload: the badge, then the inbox.
        bobBrowser.waiting().until(ExpectedConditions.textToBe(By.id("requests-badge"), "1"));
        assertThat(b.findElement(By.cssSelector(".nav-item[data-section=contacts] .badge"))
                        .isDisplayed())
                .isTrue();
        bobBrowser.screenshot("contacts-request-badge");
        bobBrowser.assertEveryControlIsNamed();
        b.findElement(By.id("open-requests")).click();
        bobBrowser
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".request-row .accept")))
                .click();

        aliceBrowser
                .waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".friend-row[data-user-id='" + bob.id() + "']")));
        bobBrowser
                .waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".friend-row[data-user-id='" + alice.id() + "']")));
        assertThat(b.findElements(By.id("requests-badge"))).isEmpty();

        // Alice gives Bob a remark; only her list shows it.
        a.findElement(By.cssSelector(".friend-row[data-user-id='" + bob.id() + "']"))
                .click();
        aliceBrowser
                .waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("friend-remark")))
                .sendKeys("老鲍");
        a.findElement(By.id("save-friend")).click();
        aliceBrowser
                .waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".friend-row[data-user-id='" + bob.id() + "'] .row-title"), "老鲍"));
        assertThat(b.findElement(By.cssSelector(".friend-row[data-user-id='" + alice.id() + "'] .row-title"))
                        .getText())
                .isEqualTo("Name " + alice.username());

        // Alice forms a group with Bob; it appears in Bob's list at once.
        a.findElement(By.id("open-new-group")).click();
        aliceBrowser
                .waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-group-name")))
                .sendKeys("周末爬山");
        a.findElement(By.cssSelector(".new-group-member[value='" + bob.id() + "']"))
                .click();
        a.findElement(By.id("create-group")).click();
        aliceBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("save-announcement")));
        aliceBrowser.screenshot("contacts-group-owner");
        aliceBrowser.assertEveryControlIsNamed();
        bobBrowser
                .waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".group-row .row-title"), "周末爬山"));
        b.findElement(By.cssSelector(".group-row")).click();
        bobBrowser
                .waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".group-card .members")));
        assertThat(b.findElements(By.cssSelector(".group-card .member-row"))).hasSize(2);
        bobBrowser.screenshot("contacts-group-member");
        bobBrowser.assertEveryControlIsNamed();
    }

    private static void openContacts(WebDriver page) {
        page.findElement(By.cssSelector(".nav-item[data-section=contacts]")).click();
    }
}

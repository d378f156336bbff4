package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two people chat in two browsers, one to one and in a group of three: messages arrive live,
 * read receipts come back, and someone who went away finds the right unread count and every
 * message, in order, when they return.
 */
@RunAsClient
class ChatBrowserIT extends ClientTestBase {

    @Test
    void chatOneToOneAndInAGroupAndCatchUpAfterBeingAway() {
        Person alice = Person.create(api, "ChatA");
        Person bob = Person.create(api, "ChatB");
        Person carol = Person.create(api, "ChatC");
        Person.befriend(alice, bob);
        Person.befriend(alice, carol);
        long group = Person.ok(
                        201,
                        alice.post("/groups", "{\"name\":\"三人行\",\"memberIds\":[" + bob.id() + "," + carol.id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        try (Browser a = Browser.open("en-US");
                Browser b = Browser.open("zh-CN")) {
            try {
                chat(a, b, alice, bob, group);
            } catch (RuntimeException | AssertionError failure) {
                a.capture("failed-chat-alice");
                b.capture("failed-chat-bob");
                throw failure;
            }
        }
    }

    private void chat(Browser a, Browser b, Person alice, Person bob, long group) {
        WebDriver alicePage = a.signIn(url, alice);
        WebDriver bobPage = b.signIn(url, bob);

        // Alice starts a chat from Bob's card.
        alicePage
                .findElement(By.cssSelector(".nav-item[data-section=contacts]"))
                .click();
        a.waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".friend-row[data-user-id='" + bob.id() + "']")))
                .click();
        a.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("send-message")))
                .click();
        WebElement composer = a.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));
        composer.sendKeys("Hello Bob, see https://example.com/plan. <b>not bold</b>", Keys.ENTER);
        a.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".message.mine .status"), "Sent"));

        // Bob sees it arrive, unread, without reloading; opening it sends Alice a read receipt.
        // (His total also counts the group's "created" notice.)
        String direct = ".conversation-row[data-conversation-id='"
                + Person.ok(200, bob.post("/conversations", Json.object("userId", alice.id())))
                        .getJsonNumber("id")
                        .longValue()
                + "']";
        b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(direct + " .badge"), "1"));
        assertThat(bobPage.getTitle()).isEqualTo("(2) Plume");
        bobPage.findElement(By.cssSelector(direct)).click();
        WebElement text =
                b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message .text")));
        assertThat(text.getText()).contains("<b>not bold</b>");
        assertThat(text.findElements(By.tagName("b"))).isEmpty();
        assertThat(text.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.com/plan");
        a.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".message.mine .status"), "Read"));
        b.screenshot("chat-direct-bob");

        // Bob answers with an emoji from the picker.
        bobPage.findElement(By.cssSelector(".emoji-button")).click();
        b.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("emoji-search")))
                .sendKeys("thumbs up");
        b.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".emoji[aria-label='thumbs up']")))
                .click();
        bobPage.findElement(By.id("composer")).sendKeys(" 收到", Keys.ENTER);
        a.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".message:not(.mine) .text"), "👍 收到"));
        a.screenshot("chat-direct-alice");

        // Bob goes away; Alice writes three messages; Bob comes back to the right unread count and all of them.
        bobPage.get("about:blank");
        for (int i = 1; i <= 3; i++) {
            alicePage.findElement(By.id("composer")).sendKeys("while you were away " + i, Keys.ENTER);
        }
        a.waiting()
                .until(driver -> driver.findElements(By.cssSelector(".message.mine .status")).stream()
                                .filter(s -> s.getText().equals("Sent"))
                                .count()
                        == 3);
        bobPage.get(url.toString());
        b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(direct + " .badge"), "3"));
        bobPage.findElement(By.cssSelector(direct)).click();
        b.waiting().until(driver -> texts(driver).size() == 5);
        assertThat(texts(bobPage))
                .containsSubsequence("while you were away 1", "while you were away 2", "while you were away 3");

        // Bob finds a message by searching, and jumps to it; he pins the conversation.
        bobPage.findElement(By.id("search-messages")).sendKeys("away 2", Keys.ENTER);
        b.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".hit")))
                .click();
        b.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".message.highlight .text"), "while you were away 2"));
        bobPage.findElement(By.id("chat-menu")).click();
        b.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".message-menu [data-action=pin]")))
                .click();
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(direct + " .pin")));

        // The group of three.
        String groupConversation =
                String.valueOf(Person.ok(200, alice.post("/conversations", Json.object("groupId", group)))
                        .getJsonNumber("id")
                        .longValue());
        alicePage
                .findElement(By.cssSelector(".conversation-row[data-conversation-id='" + groupConversation + "']"))
                .click();
        a.waiting().until(ExpectedConditions.textToBe(By.id("conversation-title"), "三人行"));
        alicePage.findElement(By.id("composer")).sendKeys("大家好", Keys.ENTER);
        b.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".conversation-row[data-conversation-id='" + groupConversation + "'] .row-sub"),
                        "大家好"));
        bobPage.findElement(By.cssSelector(".conversation-row[data-conversation-id='" + groupConversation + "']"))
                .click();
        b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".chat-messages"), "大家好"));
        assertThat(bobPage.findElement(By.cssSelector(".chat-messages")).getText())
                .contains("创建了群聊");
        b.screenshot("chat-group-bob");
        b.assertEveryControlIsNamed();
    }

    private static List<String> texts(WebDriver page) {
        return page.findElements(By.cssSelector(".chat-messages .message .text")).stream()
                .map(WebElement::getText)
                .toList();
    }
}

package chat.plume.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.FakeModelServer;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.PageAudit;
import chat.plume.testing.Person;
import chat.plume.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Bots in a real browser: a person makes a bot on the profile's "My bots" page and copies its
 * token once; a script with that token talks in the chat, where the bot carries its badge; and
 * in a chat with the assistant, typing "/" offers its commands, chosen with the keyboard.
 */
@RunAsClient
class BotsBrowserIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void makeABotUseItsTokenAndTalkToTheAssistantWithSlashCommands() {
        Person alice = Person.create(api, "Maker");
        String botName = Names.unique("helper");
        try (Browser browser = Browser.open("en-US")) {
            WebDriver page = browser.signInAt(url, "#/profile/bots", alice);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bot-form")));
            assertThat(page.findElement(By.id("no-bots")).getText()).isEqualTo("You have no bots yet.");
            page.findElement(By.id("bot-username")).sendKeys(botName);
            page.findElement(By.id("bot-display-name")).sendKeys("Helper <b>bot</b>");
            page.findElement(By.cssSelector("#bot-form button[type=submit]")).click();
            WebElement tokenField =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bot-token")));
            String token = tokenField.getAttribute("value");
            assertThat(token).startsWith("plm_");
            assertThat(page.findElement(By.cssSelector(".bot-row .row-title")).getText())
                    .startsWith("Helper <b>bot</b>");
            browser.assertEveryControlIsNamed();
            assertThat(PageAudit.axeViolations(browser)).isEmpty();
            browser.screenshot("bots-page-token");

            // The script that acts as the bot: its token, the same API.
            long botId = Person.ok(200, api.send("GET", "/me", null, token))
                    .getJsonNumber("id")
                    .longValue();
            Person bot = new Person(api, botId, botName, token);
            Person.befriend(alice, bot);
            long conversation = bot.conversationWith(alice);
            assertThat(bot.sendText(conversation, Names.unique("b"), "I am a bot, beep")
                            .getString("type"))
                    .isEqualTo("ack");
            browser.visit(url, "#/chats/" + conversation);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".message .text"), "I am a bot, beep"));
            assertThat(page.findElement(By.id("conversation-subtitle")).getText())
                    .isEqualTo("@" + botName + " · bot");

            // The assistant: "/" offers its commands.
            long assistant = Person.ok(200, alice.get("/bots/assistant"))
                    .getJsonNumber("id")
                    .longValue();
            long withAssistant = alice.befriendAssistant(assistant);
            browser.visit(url, "#/chats/" + withAssistant);
            WebElement composer =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));
            composer.sendKeys("/");
            WebElement list =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("command-list")));
            assertThat(list.findElements(By.cssSelector("[role=option]")))
                    .extracting(e -> e.getAttribute("data-command"))
                    .containsExactly("/help", "/roll", "/remind", "/poll");
            assertThat(composer.getAttribute("aria-activedescendant")).isEqualTo("command-help");
            composer.sendKeys("r");
            browser.waiting()
                    .until(d ->
                            list.findElements(By.cssSelector("[role=option]")).size() == 2);
            browser.screenshot("slash-commands");
            composer.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP, Keys.ENTER);
            assertThat(composer.getAttribute("value")).isEqualTo("/roll ");
            assertThat(list.isDisplayed()).isFalse();
            composer.sendKeys("2d6", Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textMatches(
                            By.cssSelector(".message:not(.mine):last-of-type .text"),
                            java.util.regex.Pattern.compile("🎲 2d6: \\d+ \\+ \\d+ = \\d+")));
            browser.screenshot("assistant-answer");

            // A poll: its options are buttons; a vote counts at once and is shown as one's own.
            composer.sendKeys("/poll \"Tea or coffee?\" \"tea\" \"coffee\"", Keys.ENTER);
            WebElement poll =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".poll")));
            assertThat(poll.findElement(By.cssSelector(".poll-question")).getText())
                    .isEqualTo("📊 Tea or coffee?");
            List<WebElement> options = poll.findElements(By.cssSelector(".poll-option"));
            assertThat(options).hasSize(2);
            options.get(1).click();
            browser.waiting()
                    .until(ExpectedConditions.attributeToBe(
                            By.cssSelector(".poll .poll-options li:nth-child(2) .poll-option"),
                            "aria-pressed",
                            "true"));
            assertThat(page.findElement(By.cssSelector(".poll .poll-options li:nth-child(2) .poll-count"))
                            .getText())
                    .isEqualTo("1");
            assertThat(page.findElement(By.cssSelector(".poll .poll-voters")).getText())
                    .isEqualTo("1 voted");
            browser.screenshot("assistant-poll");

            // Not in a chat where the assistant cannot hear.
            browser.visit(url, "#/chats/" + conversation);
            WebElement other =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));
            other.sendKeys("/");
            assertThat(page.findElement(By.id("command-list")).isDisplayed()).isFalse();

            // A webhook wired into a group on the group's page, posting as the bot.
            Person carol = Person.create(api, "Carol");
            Person.befriend(alice, carol);
            long group = alice.createGroup("部署通知", carol, bot);
            long groupConversation = alice.conversationOfGroup(group);
            browser.visit(url, "#/contacts/groups/" + group);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hook-form")));
            // Nothing of the section's optional parts is written out as "null" (it once read "nullnull").
            assertThat(page.findElement(By.id("group-hooks")).getText()).doesNotContain("null");
            page.findElement(By.id("hook-name")).sendKeys("Deploys");
            page.findElement(By.cssSelector("#hook-form button[type=submit]")).click();
            String secret = browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("hook-secret")))
                    .getAttribute("value");
            String hookUrl = page.findElement(By.id("hook-url")).getAttribute("value");
            assertThat(hookUrl).matches(".*/api/v1/hooks/\\d+");
            assertThat(page.findElements(By.cssSelector(".hook-row"))).hasSize(1);
            browser.assertEveryControlIsNamed();
            browser.screenshot("group-webhook");
            String hookPath = hookUrl.substring(hookUrl.indexOf("/api/v1") + "/api/v1".length());
            assertThat(api.send(
                                    "POST",
                                    hookPath,
                                    Json.object("text", "🚀 v2 deployed"),
                                    null,
                                    "X-Plume-Hook-Secret",
                                    secret)
                            .statusCode())
                    .isEqualTo(201);
            browser.visit(url, "#/chats/" + groupConversation);
            WebElement posted = browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                            "//div[contains(@class,'message')][.//span[@class='text' and text()='🚀 v2 deployed']]")));
            assertThat(posted.findElement(By.cssSelector(".author")).getText()).startsWith("Helper <b>bot</b>");
            assertThat(posted.findElements(By.cssSelector(".author .bot-badge")))
                    .hasSize(1);
            browser.screenshot("webhook-message");

            // The AI assistant: its answer streams into the chat as the model writes it.
            try (FakeModelServer model = FakeModelServer.start()) {
                model.streams(Duration.ofMillis(400), "Plume ", "is ", "a ", "chat ", "app.");
                long ai = Person.ok(200, alice.get("/users/plume_ai"))
                        .getJsonNumber("id")
                        .longValue();
                long withAi = alice.befriendAssistant(ai);
                browser.visit(url, "#/chats/" + withAi);
                // Every text the chat shows, as it changes.
                browser.script("window.seenTexts = [];"
                        + "new MutationObserver(() => document.querySelectorAll('.message:not(.mine) .text')"
                        + ".forEach((n) => window.seenTexts.push(n.textContent)))"
                        + ".observe(document.body, { subtree: true, childList: true, characterData: true });");
                browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")))
                        .sendKeys("What is Plume?", Keys.ENTER);
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(".message:not(.mine) .text"), "Plume is a chat app."));
                @SuppressWarnings("unchecked")
                List<String> seen = (List<String>) browser.script("return window.seenTexts;");
                assertThat(seen).anyMatch(text -> text.endsWith(" …") && !text.startsWith("Plume is a chat app."));
                browser.screenshot("ai-answer");
            }

            // The bot's page: its events go to a URL; deliveries are listed with their status codes and can be sent
            // again.
            try (WebhookReceiver receiver = WebhookReceiver.start()) {
                String path = "/" + Names.unique("page");
                browser.visit(url, "#/profile/bots/" + botId);
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-form")));
                page.findElement(By.id("subscription-url")).sendKeys(WebhookReceiver.url(path));
                page.findElement(By.cssSelector("#subscription-form button[type=submit]"))
                        .click();
                String signing = browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-secret")))
                        .getAttribute("value");
                assertThat(signing).startsWith("whsec_");
                browser.assertEveryControlIsNamed();
                assertThat(alice.sendText(conversation, Names.unique("e"), "an event")
                                .getString("type"))
                        .isEqualTo("ack");
                String eventId = receiver.next(path, WAIT).id();
                browser.visit(url, "#/profile/bots");
                browser.visit(url, "#/profile/bots/" + botId);
                WebElement row = browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".delivery-row[data-status=delivered]")));
                assertThat(row.findElement(By.cssSelector(".status-code")).getText())
                        .isEqualTo("204");
                browser.screenshot("bot-deliveries");
                row.findElement(By.cssSelector("button.replay")).click();
                assertThat(receiver.next(path, WAIT).id()).isEqualTo(eventId);
            }
        }
    }
}

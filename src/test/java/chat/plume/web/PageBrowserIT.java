package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page as someone coming from QQ or Telegram uses it: drafts stay with their chat, Esc never
 * eats text, every view has an address (opened directly, kept by a reload, left with Back), the
 * whole path from signing in to a sent message — and an @mention — works with the keyboard only,
 * and one's remark for a friend is the name shown everywhere.
 */
@RunAsClient
class PageBrowserIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void draftsStayWithTheirChatAndEscapeNeverEatsText() {
        Person alice = Person.create(api, "DraftA");
        Person bob = Person.create(api, "DraftB");
        Person.befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        long group = alice.conversationOfGroup(alice.createGroup("Drafts", bob));
        bob.sendText(direct, "page-draft", "Can you read this?");
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("page-drafts", () -> {
                WebDriver page = browser.signInAt(url, "#/chats/" + direct, alice);
                WebElement composer = composer(browser);
                composer.sendKeys("half for Bob");

                browser.waiting()
                        .until(ExpectedConditions.elementToBeClickable(row(group)))
                        .click();
                browser.waiting().until(d -> value(composer(browser)).isEmpty());
                composer(browser).sendKeys("for the group");
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(row(direct), "[Draft]"));
                assertThat(page.findElement(row(direct)).getText()).contains("half for Bob");
                browser.screenshot("page-draft-in-list");

                // A reload returns to the same chat, with its draft.
                page.navigate().refresh();
                browser.waiting()
                        .until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
                assertThat(page.getCurrentUrl()).endsWith("#/chats/" + group);
                browser.waiting().until(d -> value(composer(browser)).equals("for the group"));
                browser.visit(url, "#/chats/" + direct);
                browser.waiting().until(d -> value(composer(browser)).equals("half for Bob"));

                // Esc closes the emoji picker, then reply mode — and leaves the text alone.
                composer(browser).sendKeys(Keys.ESCAPE);
                assertThat(value(composer(browser))).isEqualTo("half for Bob");
                page.findElement(By.id("emoji-button")).click();
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("emoji-search")));
                browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("emoji-panel")));
                assertThat(value(composer(browser))).isEqualTo("half for Bob");
                // An emoji from the picker is inserted as typing would be: Ctrl+Z takes it back.
                page.findElement(By.id("emoji-button")).click();
                browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("emoji-search")))
                        .sendKeys("rocket");
                browser.waiting()
                        .until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector("#emoji-panel .emoji[aria-label=rocket]")))
                        .click();
                browser.waiting().until(d -> value(composer(browser)).equals("half for Bob🚀"));
                composer(browser).sendKeys(Keys.chord(Keys.CONTROL, "z"));
                browser.waiting().until(d -> value(composer(browser)).equals("half for Bob"));
                WebElement message = browser.waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message:not(.mine)")));
                browser.script("arguments[0].focus()", message);
                browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
                browser.waiting()
                        .until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector(".message-menu [data-action=reply]")))
                        .click();
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".reply-bar")));
                assertThat(browser.focused()).isEqualTo("composer");
                composer(browser).sendKeys(Keys.ESCAPE);
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".reply-bar")));
                assertThat(value(composer(browser))).isEqualTo("half for Bob");
                composer(browser).sendKeys(Keys.ESCAPE);
                assertThat(value(composer(browser))).isEqualTo("half for Bob");
            });
        }
    }

    @Test
    void everyViewHasAnAddressThatSurvivesAReloadAndBack() {
        Person alice = Person.create(api, "RouteA");
        Person bob = Person.create(api, "RouteB");
        Person.befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("page-routes", () -> {
                WebDriver page = browser.signInAt(url, "#/chats/" + direct, alice);
                By title = By.id("conversation-title");
                browser.waiting().until(ExpectedConditions.textToBe(title, "Name " + bob.username()));
                page.navigate().refresh();
                browser.waiting().until(ExpectedConditions.textToBe(title, "Name " + bob.username()));

                page.findElement(By.cssSelector(".nav-item[data-section=contacts]"))
                        .click();
                browser.waiting().until(ExpectedConditions.urlContains("#/contacts"));
                browser.waiting()
                        .until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector(".friend-row[data-user-id='" + bob.id() + "']")))
                        .click();
                browser.waiting().until(ExpectedConditions.urlContains("#/contacts/people/" + bob.username()));
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("send-message")));

                page.navigate().back();
                browser.waiting().until(ExpectedConditions.urlContains("#/contacts"));
                page.navigate().back();
                browser.waiting().until(ExpectedConditions.urlContains("#/chats/" + direct));
                browser.waiting().until(ExpectedConditions.textToBe(title, "Name " + bob.username()));
                page.navigate().forward();
                browser.waiting().until(ExpectedConditions.urlContains("#/contacts"));

                // A chat one may not see falls back to the list instead of a broken view.
                browser.visit(url, "#/chats/999999999");
                browser.waiting()
                        .until(ExpectedConditions.urlToBe(url.toString().replaceAll("/$", "") + "/#/chats"));
            });
        }
    }

    @Test
    void fromSignInToASentMessageAndAMentionWithTheKeyboardOnlyAndRemarksEverywhere() {
        Person alice = Person.create(api, "KeysA");
        Person bob = Person.create(api, "KeysB");
        Person carol = Person.create(api, "KeysC");
        Person.befriend(alice, bob);
        Person.befriend(alice, carol);
        Person.ok(200, alice.put("/friends/" + bob.id(), Json.object("remark", "老鲍")));
        long direct = alice.conversationWith(bob);
        long group = alice.conversationOfGroup(alice.createGroup("Keyboard crew", bob, carol));
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("page-keyboard", () -> {
                WebDriver page = browser.signInAt(url, "", alice);
                browser.waiting().until(d -> "list-title".equals(browser.focused()));

                // The remark is the name in the list.
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(row(direct), "老鲍"));

                // Ctrl+K, a name, Enter: the chat opens with the focus in the composer.
                browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "k"));
                browser.waiting().until(d -> "switcher-input".equals(browser.focused()));
                browser.driver().switchTo().activeElement().sendKeys("老鲍", Keys.ENTER);
                browser.waiting().until(ExpectedConditions.urlContains("#/chats/" + direct));
                browser.waiting().until(d -> "composer".equals(browser.focused()));
                assertThat(page.findElement(By.id("conversation-title")).getText())
                        .isEqualTo("老鲍");
                assertThat(page.findElement(By.id("composer")).getAttribute("placeholder"))
                        .contains("老鲍");
                browser.driver().switchTo().activeElement().sendKeys("sent without a mouse", Keys.ENTER);
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(".message.mine .status"), "Sent"));

                // Alt+↓ / Ctrl+K to the group; @ opens the member list; arrows and Enter choose.
                browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "k"));
                browser.waiting().until(d -> "switcher-input".equals(browser.focused()));
                browser.driver().switchTo().activeElement().sendKeys("Keyboard crew", Keys.ENTER);
                browser.waiting().until(ExpectedConditions.urlContains("#/chats/" + group));
                browser.waiting().until(d -> "composer".equals(browser.focused()));
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-subtitle"), "3"));
                WebElement composer = browser.driver().switchTo().activeElement();
                composer.sendKeys("@");
                WebElement list =
                        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mention-list")));
                assertThat(list.getText()).contains("老鲍").contains("Name " + carol.username());
                // Found by one's remark, but the text everyone reads gets the name everyone knows.
                composer.sendKeys("老");
                browser.waiting().until(d -> !list.getText().contains(carol.username()));
                composer.sendKeys(Keys.ENTER);
                assertThat(value(composer)).isEqualTo("@Name " + bob.username() + " ");
                // Two candidates: the arrows move between them, Enter takes the one highlighted.
                composer.sendKeys("and @Name");
                browser.waiting()
                        .until(d -> list.findElements(By.cssSelector("[role=option]"))
                                        .size()
                                == 2);
                String second = list.findElements(By.cssSelector("[role=option]"))
                        .get(1)
                        .getAttribute("data-user-id");
                composer.sendKeys(Keys.ARROW_DOWN);
                browser.waiting()
                        .until(d -> ("mention-" + second).equals(composer.getAttribute("aria-activedescendant")));
                composer.sendKeys(Keys.ENTER);
                String secondName = "Name " + (second.equals(String.valueOf(bob.id())) ? bob : carol).username();
                assertThat(value(composer)).isEqualTo("@Name " + bob.username() + " and @" + secondName + " ");
                assertThat(page.findElements(By.cssSelector(".message.mine"))).isEmpty();
                composer.sendKeys("look at this", Keys.ENTER);
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector(".message.mine .status"), "Sent"));
                JsonObject stored =
                        Person.ok(200, carol.get("/conversations/" + group + "/messages"))
                                .getJsonArray("messages")
                                .stream()
                                .map(m -> m.asJsonObject())
                                .filter(m -> "text".equals(m.getString("kind")))
                                .reduce((a, b) -> b)
                                .orElseThrow();
                assertThat(stored.getString("body")).doesNotContain("老鲍").endsWith(" look at this");
                assertThat(stored.getJsonArray("mentions").stream()
                                .map(v -> ((JsonNumber) v).longValue())
                                .toList())
                        .contains(bob.id(), Long.valueOf(second));
                browser.screenshot("page-keyboard-group");
            });
        }
    }

    @Test
    void reactionsPinsAndForwardsAreSeenLiveInASecondBrowser() {
        Person alice = Person.create(api, "LiveA");
        Person bob = Person.create(api, "LiveB");
        Person.befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        long group = alice.conversationOfGroup(alice.createGroup("Forwarded here", bob));
        bob.sendText(direct, "live-1", "react to this");
        try (Browser a = Browser.open("en-US");
                Browser b = Browser.open("zh-CN")) {
            a.steps(
                    "page-live-alice",
                    () -> b.steps("page-live-bob", () -> {
                        b.signInAt(url, "#/chats/" + direct, bob);
                        a.signInAt(url, "#/chats/" + direct, alice);
                        // A message is redrawn when its look changes (a reaction): looked up each time.
                        By message = By.cssSelector(".message:not(.mine)");
                        openMenu(a, message, "react");
                        a.waiting()
                                .until(ExpectedConditions.elementToBeClickable(
                                        By.cssSelector(".message-menu [data-action='react-👍']")))
                                .click();
                        b.waiting()
                                .until(ExpectedConditions.textToBePresentInElementLocated(
                                        By.cssSelector(".message.mine .reaction"), "👍 1"));

                        openMenu(a, message, "pin");
                        b.waiting()
                                .until(ExpectedConditions.textToBePresentInElementLocated(
                                        By.id("pin-open"), "react to this"));

                        openMenu(a, message, "forward");
                        a.waiting()
                                .until(ExpectedConditions.elementToBeClickable(
                                        By.cssSelector(".forward-target[value='" + group + "']")))
                                .click();
                        a.driver().findElement(By.id("forward-send")).click();
                        a.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("forward-send")));
                        b.waiting()
                                .until(ExpectedConditions.elementToBeClickable(row(group)))
                                .click();
                        b.waiting()
                                .until(ExpectedConditions.textToBePresentInElementLocated(
                                        By.cssSelector(".message .forwarded"), "转发"));
                        assertThat(b.driver()
                                        .findElement(By.cssSelector(".message:not(.mine) .text"))
                                        .getText())
                                .isEqualTo("react to this");
                        b.screenshot("page-live-forwarded");

                        // Alice selects the message and deletes it for herself: gone for her, kept for Bob.
                        openMenu(a, message, "select");
                        a.waiting()
                                .until(ExpectedConditions.textToBePresentInElementLocated(
                                        By.cssSelector(".selection-count"), "1 selected"));
                        a.driver().findElement(By.id("selection-hide")).click();
                        a.driver().findElement(By.id("selection-hide")).click(); // asks once more
                        a.waiting().until(ExpectedConditions.invisibilityOfElementLocated(message));
                        a.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));
                        b.visit(url, "#/chats/" + direct);
                        b.waiting()
                                .until(ExpectedConditions.textToBePresentInElementLocated(
                                        By.cssSelector(".message.mine .text"), "react to this"));
                    }));
        }
    }

    @Test
    void aVoiceMessageIsRecordedSentAndPlayable() {
        Person alice = Person.create(api, "VoiceA");
        Person bob = Person.create(api, "VoiceB");
        Person.befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("page-voice", () -> {
                browser.signInAt(url, "#/chats/" + direct, alice);
                WebElement record =
                        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("record-voice")));
                record.click();
                // Recording: the button counts the seconds; stopped after one, it sends.
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-voice"), "0:01"));
                assertThat(record.getAttribute("aria-pressed")).isEqualTo("true");
                record.click();
                WebElement audio = browser.waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.mine audio")));
                assertThat(audio.getAttribute("aria-label")).matches("voice-.*\\.(webm|ogg|m4a)");
                Object duration = browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        const audio = document.querySelector('.message.mine audio');
                        audio.addEventListener('loadedmetadata', () => done(String(audio.duration)), { once: true });
                        audio.addEventListener('error', () => done('error ' + (audio.error && audio.error.code)), { once: true });
                        audio.preload = 'metadata';
                        audio.load();
                        """, Duration.ofSeconds(20));
                assertThat(String.valueOf(duration)).doesNotStartWith("error");
                browser.screenshot("page-voice-message");
            });
        }
        JsonObject stored = Person.ok(200, bob.get("/conversations/" + direct + "/messages"))
                .getJsonArray("messages")
                .getJsonObject(0);
        assertThat(stored.getString("kind")).isEqualTo("file");
        assertThat(stored.getJsonObject("media").getString("name")).startsWith("voice-");
    }

    @Test
    void afterOneVisitThePageOpensOfflineAndSaysSo() {
        Person alice = Person.create(api, "Offline");
        try (Browser browser = Browser.open("en-US")) {
            browser.steps("page-offline", () -> {
                browser.signInAt(url, "", alice);
                Object controlled = browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        navigator.serviceWorker.ready.then(() => {
                            if (navigator.serviceWorker.controller) done(true);
                            else navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
                        });
                        """, Duration.ofSeconds(20));
                assertThat(controlled).isEqualTo(true);
                // Every module the page loaded is kept for offline use, and nothing from the API is.
                browser.waiting()
                        .until(d -> "[]".equals(String.valueOf(browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        (async () => {
                            const loaded = performance.getEntriesByType('resource').map((e) => e.name)
                                .filter((name) => name.startsWith(location.origin + '/js/'));
                            const missing = [];
                            for (const url of loaded) if (!(await caches.match(url))) missing.push(url);
                            done(loaded.length ? JSON.stringify(missing) : 'nothing loaded');
                        })();
                        """, Duration.ofSeconds(10)))));
                Object apiKept = browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        (async () => {
                            const urls = [];
                            for (const name of await caches.keys()) {
                                for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
                            }
                            done(urls.filter((url) => url.includes('/api/') || url.includes('?')).length);
                        })();
                        """, Duration.ofSeconds(10));
                assertThat(apiKept).isEqualTo(0L);
                browser.offline(true);
                browser.driver().navigate().refresh();
                browser.waiting()
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("boot"), "Cannot reach Plume"));
                assertThat(browser.driver().getTitle()).isEqualTo("Plume");
                browser.screenshot("page-offline");
                browser.offline(false);
                browser.waiting()
                        .until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
            });
        }
    }

    /** Opens a message's menu from the keyboard (focus, Enter) and chooses an action. */
    private static void openMenu(Browser browser, By message, String action) {
        browser.script(
                "arguments[0].focus()", browser.waiting().until(ExpectedConditions.presenceOfElementLocated(message)));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".message-menu [data-action='" + action + "']")))
                .click();
    }

    private static By row(long conversation) {
        return By.cssSelector(".conversation-row[data-conversation-id='" + conversation + "']");
    }

    private static WebElement composer(Browser browser) {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));
    }

    private static String value(WebElement input) {
        return input.getDomProperty("value");
    }
}

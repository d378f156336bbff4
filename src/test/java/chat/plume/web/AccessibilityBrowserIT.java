package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.PageAudit;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every main view, in both languages and both themes, passes axe-core's WCAG 2.1 AA rules with no
 * serious or critical violation, and every visible button and link has 4.5:1 contrast as
 * computed in the browser. Each view's screenshot is saved (desktop, and the chat on a phone).
 */
@RunAsClient
class AccessibilityBrowserIT extends ClientTestBase {

    @Test
    void englishLight() {
        audit("en-US", "light");
    }

    @Test
    void englishDark() {
        audit("en-US", "dark");
    }

    @Test
    void chineseLight() {
        audit("zh-CN", "light");
    }

    @Test
    void chineseDark() {
        audit("zh-CN", "dark");
    }

    private void audit(String language, String theme) {
        Person alice = Person.create(api, "A11yA");
        Person bob = Person.create(api, "A11yB");
        Person carol = Person.create(api, "A11yC");
        Person.befriend(alice, bob);
        Person.ok(201, carol.post("/friend-requests", Json.object("userId", alice.id(), "message", "Hi, it's Carol")));
        long group = alice.createGroup("Audit group", bob);
        long direct = alice.conversationWith(bob);
        long said = bob.sendText(direct, "a11y-1", "Hello Alice, see https://example.com")
                .getJsonNumber("seq")
                .longValue();
        // A pinned message and a reaction, so that the pin bar and the reaction chips are audited too.
        try (WsClient socket = alice.connect()) {
            socket.request(
                    Json.object("type", "pin", "id", "a1", "conversation", direct, "seq", said),
                    Duration.ofSeconds(10));
            socket.request(
                    Json.object("type", "react", "id", "a2", "conversation", direct, "seq", said, "emoji", "👍"),
                    Duration.ofSeconds(10));
        }
        String prefix = "a11y-" + language + "-" + theme + "-";
        List<String> failures = new ArrayList<>();
        try (Browser browser = Browser.open(language)) {
            browser.driver().get(url.toString());
            browser.script("localStorage.setItem('plume.theme', arguments[0])", theme);
            browser.driver().navigate().refresh();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")));
            check(browser, prefix + "sign-in", failures);
            browser.signIn(url, alice);
            assertThat(browser.script("return document.documentElement.dataset.theme"))
                    .isEqualTo(theme);

            view(browser, "#/chats", ".conversation-row", prefix + "chats", failures);
            view(browser, "#/chats/" + direct, ".message .text", prefix + "chat-direct", failures);
            browser.driver().findElement(By.id("emoji-button")).click();
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".emoji-grid .emoji")));
            check(browser, prefix + "emoji-picker", failures);
            browser.driver().findElement(By.id("emoji-search")).sendKeys(Keys.ESCAPE);
            browser.driver().findElement(By.id("chat-menu")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-menu")));
            check(browser, prefix + "chat-menu", failures);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            // A message's menu, its quick reactions, the forward dialog, selection mode, the switcher.
            openMessageMenu(browser);
            check(browser, prefix + "message-menu", failures);
            browser.driver()
                    .findElement(By.cssSelector(".message-menu [data-action=react]"))
                    .click();
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(".message-menu [data-action^=react-]")));
            check(browser, prefix + "quick-reactions", failures);
            // "More…": any emoji, from the picker in a dialog; the chosen one joins the chips.
            browser.driver()
                    .findElement(By.cssSelector(".message-menu [data-action=react-more]"))
                    .click();
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".reaction-dialog .emoji")));
            check(browser, prefix + "reaction-picker", failures);
            browser.driver()
                    .findElement(By.cssSelector(".reaction-dialog .emoji-search"))
                    .sendKeys("rocket");
            browser.waiting()
                    .until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector(".reaction-dialog .emoji[aria-label=rocket]")))
                    .click();
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".message:not(.mine) .reactions"), "🚀 1"));
            openMessageMenu(browser);
            browser.driver()
                    .findElement(By.cssSelector(".message-menu [data-action=forward]"))
                    .click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("forward-search")));
            check(browser, prefix + "forward", failures);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            openMessageMenu(browser);
            browser.driver()
                    .findElement(By.cssSelector(".message-menu [data-action=select]"))
                    .click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".selection-bar")));
            check(browser, prefix + "selecting", failures);
            browser.driver().findElement(By.id("selection-cancel")).click();
            browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "k"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("switcher-input")));
            check(browser, prefix + "switcher", failures);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.resize(true);
            check(browser, prefix + "chat-direct-phone", failures);
            // 200 % zoom on a 1280×800 screen is a 640×400 viewport: the composer must still show.
            long chrome = ((Number) browser.script("return window.outerHeight - window.innerHeight")).longValue();
            browser.driver().manage().window().setSize(new Dimension(640, (int) (400 + chrome)));
            assertThat(((Number) browser.script("return window.innerHeight")).longValue())
                    .isBetween(390L, 410L);
            Object composerBottom =
                    browser.script("const box = document.getElementById('composer').getBoundingClientRect();"
                            + " return box.height > 0 && box.bottom <= window.innerHeight;");
            assertThat(composerBottom).as("composer visible at 200 %% zoom").isEqualTo(true);
            browser.screenshot(prefix + "chat-direct-zoomed");
            browser.resize(false);

            long groupConversation = alice.conversationOfGroup(group);
            view(browser, "#/chats/" + groupConversation, ".system-message", prefix + "chat-group", failures);
            view(browser, "#/contacts", ".friend-row", prefix + "contacts", failures);
            view(browser, "#/contacts/requests", ".request-row .accept", prefix + "requests", failures);
            view(browser, "#/contacts/people/" + bob.username(), "#send-message", prefix + "person", failures);
            view(browser, "#/contacts/groups/" + group, ".member-row", prefix + "group", failures);
            view(browser, "#/contacts/blocked", ".card", prefix + "blocked", failures);
            view(browser, "#/profile/edit", "#profile-display-name", prefix + "profile", failures);
            view(browser, "#/profile/password", "#current-password", prefix + "password", failures);
            view(browser, "#/profile/devices", ".device-row", prefix + "devices", failures);
            // The main views on a phone, too (one panel at a time).
            browser.resize(true);
            view(browser, "#/chats", ".conversation-row", prefix + "chats-phone", failures);
            view(browser, "#/contacts", ".friend-row", prefix + "contacts-phone", failures);
            view(browser, "#/contacts/people/" + bob.username(), "#send-message", prefix + "person-phone", failures);
            view(browser, "#/profile/edit", "#profile-display-name", prefix + "profile-phone", failures);
            browser.resize(false);
            view(browser, "#/chats", ".conversation-row", prefix + "chats", failures);
            browser.driver().findElement(By.tagName("body")).sendKeys("?");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shortcut-list")));
            check(browser, prefix + "help", failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void withNoChoiceThePageFollowsTheSystemsDarkMode() {
        Person alice = Person.create(api, "SystemDark");
        try (Browser browser = Browser.open("en-US")) {
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Emulation.setEmulatedMedia",
                            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.signIn(url, alice);
            assertThat(browser.script("return document.documentElement.dataset.theme"))
                    .isNull();
            assertThat(browser.script("return getComputedStyle(document.documentElement).backgroundColor"))
                    .isEqualTo("rgb(17, 24, 39)");
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Emulation.setEmulatedMedia",
                            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
            assertThat(browser.script("return getComputedStyle(document.documentElement).backgroundColor"))
                    .isEqualTo("rgb(245, 246, 248)");
        }
    }

    private static void openMessageMenu(Browser browser) {
        browser.script("arguments[0].focus()", browser.driver().findElement(By.cssSelector(".message:not(.mine)")));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-menu")));
    }

    private static void view(Browser browser, String route, String ready, String name, List<String> failures) {
        browser.script("location.hash = arguments[0]", route);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ready)));
        check(browser, name, failures);
    }

    private static void check(Browser browser, String name, List<String> failures) {
        browser.screenshot(name);
        PageAudit.axeViolations(browser).forEach(line -> failures.add(name + ": " + line));
        PageAudit.lowContrastControls(browser).forEach(line -> failures.add(name + ": contrast " + line));
    }
}

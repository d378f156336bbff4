package chat.plume.calls;

import static chat.plume.testing.Person.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Leg;
import chat.plume.testing.PageAudit;
import chat.plume.testing.Person;
import chat.plume.testing.TurnServer;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Calls in real browsers with Chromium's fake camera and microphone: the callee's page rings, the
 * call connects ({@code RTCPeerConnection.connectionState} reported on each tile), video frames
 * decoded keep rising on both sides (the page's own {@code getStats} figures), hanging up ends it
 * everywhere and the chat shows the call with its duration; a group of three holds a video call.
 */
@RunAsClient
class CallsBrowserIT extends ClientTestBase {

    @Test
    void twoPeopleSeeEachOtherOnAVideoCallAndTheChatShowsItsDuration() {
        Person anna = Person.create(api, "VideoAnna");
        Person ben = Person.create(api, "VideoBen");
        befriend(anna, ben);
        long conversation = anna.conversationWith(ben);
        try (Browser annaBrowser = Browser.open("en-US");
                Browser benBrowser = Browser.open("en-US")) {
            WebDriver a = annaBrowser.signIn(url, anna);
            WebDriver b = benBrowser.signIn(url, ben);
            open(a, conversation);
            open(b, conversation);
            annaBrowser.click(By.cssSelector(".call-video"));

            WebElement ringing = benBrowser
                    .waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.call-incoming")));
            assertThat(ringing.getText()).contains("video calling you");
            benBrowser.assertEveryControlIsNamed();
            assertThat(PageAudit.axeViolations(benBrowser))
                    .as("the incoming call dialog")
                    .isEmpty();
            ringing.findElement(By.cssSelector(".call-accept")).click();

            for (var side : List.of(new Side(annaBrowser, ben), new Side(benBrowser, anna))) {
                seesTheOther(side.browser(), side.other());
            }
            benBrowser.screenshot("call-video-" + Leg.name());
            benBrowser.assertEveryControlIsNamed();
            assertThat(PageAudit.axeViolations(benBrowser)).as("the call view").isEmpty();
            // Keyboard: the controls are buttons in the tab order; Enter on "Mute" mutes.
            WebElement mute = benBrowser.driver().findElement(By.cssSelector(".call-mic"));
            mute.sendKeys(Keys.ENTER);
            benBrowser.waiting().until(ExpectedConditions.attributeToBe(mute, "aria-pressed", "true"));
            annaBrowser.driver().findElement(By.cssSelector(".call-hangup")).click();
            for (Browser browser : List.of(annaBrowser, benBrowser)) {
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".call-panel")));
                WebElement entry = browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".call-entry")));
                browser.waiting().until(d -> entry.getText().matches("(?s).*Video call · \\d+:\\d\\d.*"));
            }
            benBrowser.screenshot("call-entry-" + Leg.name());
            assertThat(benBrowser.driver().findElements(By.cssSelector(".empty-chat")))
                    .as("a chat with a call in it is not an empty chat")
                    .isEmpty();
        }
    }

    @Test
    void declinedAndMissedCallsShowInTheChatInBothLanguagesAndEscapeDeclines() {
        Person anna = Person.create(api, "DeclineAnna");
        Person ben = Person.create(api, "DeclineBen");
        befriend(anna, ben);
        long conversation = anna.conversationWith(ben);
        try (Browser annaBrowser = Browser.open("en-US");
                Browser benBrowser = Browser.open("zh-CN")) {
            WebDriver a = annaBrowser.signIn(url, anna);
            WebDriver b = benBrowser.signIn(url, ben);
            open(a, conversation);
            annaBrowser.click(By.cssSelector(".call-voice"));
            WebElement ringing = benBrowser
                    .waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.call-incoming")));
            assertThat(ringing.getText()).contains("邀请你语音通话");
            // Keyboard: Escape declines.
            ringing.sendKeys(Keys.ESCAPE);
            annaBrowser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".call-panel")));
            annaBrowser
                    .waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".call-entry"), "Call declined"));
            open(b, conversation);
            benBrowser
                    .waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".call-entry"), "你拒绝了通话"));

            // Nobody answers: missed (the test server rings for 8 s).
            annaBrowser.click(By.cssSelector(".call-voice"));
            benBrowser
                    .waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.call-incoming")));
            benBrowser
                    .waiting()
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.call-incoming")));
            benBrowser
                    .waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".call-entry:last-of-type"), "未接语音通话"));
            annaBrowser
                    .waiting()
                    .until(d -> d.findElements(By.cssSelector(".call-entry")).stream()
                            .anyMatch(e -> e.getText().contains("no answer")));
        }
    }

    @Test
    void aGroupOfThreeHoldsAVideoCall() {
        Person owner = Person.create(api, "MeshOwner");
        Person pia = Person.create(api, "MeshPia");
        Person quinn = Person.create(api, "MeshQuinn");
        befriend(owner, pia);
        befriend(owner, quinn);
        long group = owner.createGroup("Mesh", pia, quinn);
        long conversation = owner.conversationOfGroup(group);
        try (Browser ownerBrowser = Browser.open("en-US");
                Browser piaBrowser = Browser.open("en-US");
                Browser quinnBrowser = Browser.open("en-US")) {
            List<Side> sides =
                    List.of(new Side(ownerBrowser, owner), new Side(piaBrowser, pia), new Side(quinnBrowser, quinn));
            for (Side side : sides) {
                open(side.browser().signIn(url, side.other()), conversation);
            }
            ownerBrowser.click(By.cssSelector(".call-video"));
            for (Browser member : List.of(piaBrowser, quinnBrowser)) {
                member.click(By.cssSelector("dialog.call-incoming .call-accept"));
            }
            for (Side side : sides) {
                for (Side other : sides) {
                    if (other != side) {
                        seesTheOther(side.browser(), other.other());
                    }
                }
            }
            piaBrowser.screenshot("call-group-" + Leg.name());
            // Quinn leaves; the other two go on, each now with one tile for the other.
            quinnBrowser.driver().findElement(By.cssSelector(".call-hangup")).click();
            for (Browser stays : List.of(ownerBrowser, piaBrowser)) {
                stays.waiting()
                        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".call-tile[data-user]"), 1));
            }
            // Whoever opens the group chat now sees the call going on and can join it again.
            quinnBrowser
                    .waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".call-join"), "2"));
        }
    }

    @Test
    void aCallForcedThroughTheRelayConnectsWithShortLivedCredentialsAndTheSelfTestSaysTheRelayWorks() throws Exception {
        assertThat(TurnServer.installed())
                .as("coturn (Debian's package; .ci/run installs it)")
                .isTrue();
        Person anna = Person.create(api, "RelayAnna");
        Person ben = Person.create(api, "RelayBen");
        befriend(anna, ben);
        long conversation = anna.conversationWith(ben);
        try (TurnServer turn = TurnServer.start();
                Browser annaBrowser = Browser.open("en-US");
                Browser benBrowser = Browser.open("en-US")) {
            for (Side side : List.of(new Side(annaBrowser, anna), new Side(benBrowser, ben))) {
                WebDriver page = side.browser().signIn(url, side.other());
                page.navigate().to(url.toString().replaceAll("/$", "") + "/#/profile/calls");
                side.browser().click(By.id("calls-relay-only"));
            }
            annaBrowser.driver().findElement(By.id("run-self-test")).click();
            annaBrowser
                    .waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-check=done]")));
            for (String check : List.of("servers", "host", "relayCandidate", "relayPath")) {
                assertThat(annaBrowser
                                .driver()
                                .findElement(By.cssSelector("[data-check=" + check + "]"))
                                .getAttribute("class"))
                        .as(check)
                        .isEqualTo("ok");
            }
            assertThat(annaBrowser
                            .driver()
                            .findElement(By.cssSelector("[data-check=relayPath]"))
                            .getText())
                    .contains("connects");

            open(annaBrowser.driver(), conversation);
            open(benBrowser.driver(), conversation);
            annaBrowser.click(By.cssSelector(".call-video"));
            benBrowser.click(By.cssSelector("dialog.call-incoming .call-accept"));
            for (Side side : List.of(new Side(annaBrowser, ben), new Side(benBrowser, anna))) {
                seesTheOther(side.browser(), side.other());
                By tile = By.cssSelector(".call-tile[data-user='" + side.other().id() + "']");
                side.browser().waiting().until(ExpectedConditions.attributeToBe(tile, "data-route", "relay"));
            }
            // The relay checked each browser's short-lived credential: "<expiry>:<account id>".
            // (Read once coturn has stopped: it writes its log out as it goes, not line by line.)
            turn.close();
            String log = turn.log();
            assertThat(log).containsPattern("user <\\d+:" + anna.id() + ">");
            assertThat(log).containsPattern("user <\\d+:" + ben.id() + ">");
            assertThat(log).contains("ALLOCATE processed, success");
        }
    }

    private record Side(Browser browser, Person other) {}

    private void open(WebDriver driver, long conversation) {
        driver.navigate().to(url.toString().replaceAll("/$", "") + "/#/chats/" + conversation);
    }

    /** The tile of {@code other} is connected and its decoded video frames keep rising. */
    private static void seesTheOther(Browser browser, Person other) {
        By tile = By.cssSelector(".call-tile[data-user='" + other.id() + "']");
        browser.waiting().until(ExpectedConditions.attributeToBe(tile, "data-connection", "connected"));
        long first = browser.waiting().until(d -> {
            String frames = d.findElement(tile).getAttribute("data-frames-decoded");
            return frames != null && Long.parseLong(frames) > 0 ? Long.parseLong(frames) : null;
        });
        browser.waiting().until(d -> Long.parseLong(d.findElement(tile).getAttribute("data-frames-decoded")) > first);
    }
}

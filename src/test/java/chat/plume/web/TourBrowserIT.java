package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A group chat as people really have them — names, a pinned plan, replies, reactions, an
 * @mention — seen by one of them, in light and dark: the README's picture comes from here
 * ({@code target/screenshots/tour-*.png}), and it checks that what the picture shows is there.
 */
@RunAsClient
class TourBrowserIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aWeekendPlanInAGroupChat() {
        Person lin = Person.create(api, "lin", "林小雨");
        Person alex = Person.create(api, "alex", "Alex Chen");
        Person mei = Person.create(api, "mei", "Mei");
        Person.befriend(lin, alex);
        Person.befriend(lin, mei);
        Person.befriend(alex, mei);
        long group = lin.conversationOfGroup(lin.createGroup("周末爬山 Weekend hike", alex, mei));
        long direct = alex.conversationWith(mei);
        mei.sendText(direct, "tour-d1", "Are you coming on Saturday?");
        try (WsClient linWs = lin.connect();
                WsClient meiWs = mei.connect()) {
            long plan = send(linWs, group, "Saturday 8:00 at the north gate of Xiangshan 🥾 Bring water!", null);
            send(meiWs, group, "I'll bring snacks 🍙", null);
            send(linWs, group, "Forecast says sunny ☀️", null);
            linWs.request(Json.object("type", "pin", "id", "t-pin", "conversation", group, "seq", plan), WAIT);
            meiWs.request(
                    Json.object("type", "react", "id", "t-r1", "conversation", group, "seq", plan, "emoji", "👍"),
                    WAIT);
            linWs.request(
                    "{\"type\":\"send\",\"id\":\"t-m\",\"conversation\":" + group
                            + ",\"clientMessageId\":\"tour-m\",\"body\":\"@Alex Chen can you drive?\",\"mentions\":["
                            + alex.id() + "]}",
                    WAIT);
        }
        for (String theme : new String[] {"light", "dark"}) {
            try (Browser browser = Browser.open("en-US")) {
                browser.steps("tour-" + theme, () -> {
                    browser.driver().get(url.toString());
                    browser.script("localStorage.setItem('plume.theme', arguments[0])", theme);
                    browser.signInAt(url, "#/chats/" + group, alex);
                    browser.waiting()
                            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-open"), "north gate"));
                    browser.waiting()
                            .until(ExpectedConditions.textToBePresentInElementLocated(
                                    By.cssSelector(".reaction"), "👍 1"));
                    assertThat(browser.driver().findElements(By.cssSelector(".message.mentions-me")))
                            .hasSize(1);
                    browser.screenshot("tour-" + theme);
                });
            }
        }
    }

    private static long send(WsClient socket, long conversation, String body, Long replyTo) {
        String id = "tour-" + Math.abs(body.hashCode());
        return socket.request(
                        Json.object(
                                "type",
                                "send",
                                "id",
                                id,
                                "conversation",
                                conversation,
                                "clientMessageId",
                                id,
                                "body",
                                body),
                        WAIT)
                .getJsonNumber("seq")
                .longValue();
    }
}

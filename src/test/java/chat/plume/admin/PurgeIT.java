package chat.plume.admin;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Await;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Deactivate and purge, the spammer clean-up: banned for good, their messages recalled in every
 * conversation and live on the pages that are open, their uploads no longer served.
 */
@RunAsClient
class PurgeIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theSpammersMessagesAreRecalledEverywhereLiveAndTheirUploadsWithdrawn() throws Exception {
        Person admin = Person.admin(api);
        Person spammer = Person.create(api, "Spammer");
        Person friend = Person.create(api, "Friend");
        Person bystander = Person.create(api, "Bystander");
        befriend(spammer, friend);
        befriend(spammer, bystander);
        long direct = spammer.conversationWith(friend);
        long group = spammer.conversationOfGroup(spammer.createGroup("deals", friend, bystander));
        long file = spammer.upload(direct, "flyer.txt", "cheap watches");
        try (WsClient spammerPage = spammer.connect()) {
            JsonObject ack = spammerPage.request(
                    Json.object(
                            "type",
                            "send",
                            "id",
                            "f1",
                            "conversation",
                            direct,
                            "clientMessageId",
                            "spam-file",
                            "media",
                            file),
                    WAIT);
            assertThat(ack.getString("type")).isEqualTo("ack");
        }
        assertThat(fetch(friend, "/media/" + file)).isEqualTo(200);

        try (WsClient friendPage = friend.connect();
                WsClient bystanderPage = bystander.connect()) {
            spammer.sendText(direct, "spam-1", "buy now");
            spammer.sendText(direct, "spam-2", "limited offer");
            spammer.sendText(group, "spam-3", "everyone buy now");
            assertThat(friend.sendText(direct, "reply-1", "stop it").getString("type"))
                    .isEqualTo("ack");

            JsonObject record = ok(
                    200,
                    admin.post(
                            "/admin/people/" + spammer.id() + "/purge",
                            Json.object("reason", "Spam in every conversation")));
            assertThat(record.getJsonObject("account").getBoolean("bannedPermanently"))
                    .isTrue();

            // Live: each open page is told of each recall.
            Set<String> recalledAtFriend = new HashSet<>();
            while (recalledAtFriend.size() < 4) {
                JsonObject update = friendPage.next("message.updated", WAIT).getJsonObject("message");
                assertThat(update.getBoolean("recalled")).isTrue();
                assertThat(update.containsKey("body")).isFalse();
                recalledAtFriend.add(update.getString("clientMessageId"));
            }
            assertThat(recalledAtFriend).containsExactlyInAnyOrder("spam-file", "spam-1", "spam-2", "spam-3");
            assertThat(bystanderPage
                            .next("message.updated", WAIT)
                            .getJsonObject("message")
                            .getString("clientMessageId"))
                    .isEqualTo("spam-3");
        }
        assertThat(friend.history(direct, 0))
                .allSatisfy(m -> assertThat(m.getBoolean("recalled"))
                        .isEqualTo(m.getJsonNumber("sender").longValue() == spammer.id()));
        assertThat(bystander.history(group, 0))
                .filteredOn(m -> m.getString("clientMessageId", "").equals("spam-3"))
                .singleElement()
                .satisfies(m -> assertThat(m.getBoolean("recalled")).isTrue());
        // The purge runs in the background after the ban; its second audit row says it is done.
        awaitPurged(admin, spammer);
        assertThat(fetch(friend, "/media/" + file)).isEqualTo(404);

        var rows = okArray(200, admin.get("/admin/audit?targetKind=account&target=" + spammer.id()))
                .getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("action")).containsExactly("account.purged", "account.purge");
        assertThat(rows.get(0).getString("detail")).isEqualTo("4 messages recalled, 1 uploads withdrawn");
    }

    @Test
    void onlyThePeriodChosenIsRecalled() {
        Person admin = Person.admin(api);
        Person spammer = Person.create(api, "Period");
        Person friend = Person.create(api, "Kept");
        befriend(spammer, friend);
        long direct = spammer.conversationWith(friend);
        spammer.sendText(direct, "old-1", "an honest message");
        JsonObject later = spammer.sendText(direct, "new-1", "then the spam began");
        spammer.sendText(direct, "new-2", "more spam");

        ok(
                200,
                admin.post(
                        "/admin/people/" + spammer.id() + "/purge",
                        Json.object("reason", "spam since today", "from", later.getString("createdAt"))));
        awaitPurged(admin, spammer);
        assertThat(friend.history(direct, 0))
                .extracting(m -> m.getString("clientMessageId") + "=" + m.getBoolean("recalled"))
                .containsExactly("old-1=false", "new-1=true", "new-2=true");
    }

    private static void awaitPurged(Person admin, Person spammer) {
        Await.until(
                WAIT,
                "the purge's closing audit row",
                () -> okArray(200, admin.get("/admin/audit?action=account.purged&target=" + spammer.id()))
                                .size()
                        == 1);
    }

    private int fetch(Person who, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(api.base().resolve("/api/v1" + path))
                                .header("Authorization", "Bearer " + who.token())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

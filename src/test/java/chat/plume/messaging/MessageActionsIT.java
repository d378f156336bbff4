package chat.plume.messaging;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * What people do with messages once sent — react, pin, delete for themselves, forward — as
 * clients see it: live to everyone it concerns, kept in history, refused to whoever may not.
 */
@RunAsClient
class MessageActionsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger IDS = new AtomicInteger();

    @Test
    void reactionsAreSeenLiveByEveryoneAndKeptInHistory() {
        Person alice = Person.create(api, "ReactA");
        Person bob = Person.create(api, "ReactB");
        Person carol = Person.create(api, "ReactC");
        Person stranger = Person.create(api, "ReactX");
        befriend(alice, bob);
        befriend(alice, carol);
        long conversation = alice.conversationOfGroup(alice.createGroup("reactions", bob, carol));
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect();
                WsClient carolWs = carol.connect();
                WsClient strangerWs = stranger.connect()) {
            long seq = aliceWs.request(send(conversation, "hello all"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();

            assertThat(request(bobWs, react(conversation, seq, "👍", true)).getString("type"))
                    .isEqualTo("ok");
            JsonArray seen = updated(aliceWs, conversation, seq).getJsonArray("reactions");
            assertThat(seen.getJsonObject(0).getString("emoji")).isEqualTo("👍");
            assertThat(seen.getJsonObject(0).getInt("count")).isEqualTo(1);
            assertThat(seen.getJsonObject(0)
                            .getJsonArray("users")
                            .getJsonNumber(0)
                            .longValue())
                    .isEqualTo(bob.id());
            request(carolWs, react(conversation, seq, "👍", true));
            request(carolWs, react(conversation, seq, "👍🏽", true));
            assertThat(updated(aliceWs, conversation, seq).getJsonArray("reactions"))
                    .hasSize(1);
            JsonArray both = updated(aliceWs, conversation, seq).getJsonArray("reactions");
            assertThat(both.getJsonObject(0).getInt("count")).isEqualTo(2);
            assertThat(both.getJsonObject(1).getString("emoji")).isEqualTo("👍🏽");
            // Taking one back; doing it twice changes nothing more.
            request(bobWs, react(conversation, seq, "👍", false));
            assertThat(request(bobWs, react(conversation, seq, "👍", false)).getString("type"))
                    .isEqualTo("ok");
            JsonObject kept =
                    ok(200, alice.get("/conversations/" + conversation + "/messages")).getJsonArray("messages").stream()
                            .map(m -> m.asJsonObject())
                            .filter(m -> m.getJsonNumber("seq").longValue() == seq)
                            .findFirst()
                            .orElseThrow();
            assertThat(kept.getJsonArray("reactions").getJsonObject(0).getInt("count"))
                    .isEqualTo(1);
            assertThat(kept.getJsonArray("reactions")
                            .getJsonObject(0)
                            .getJsonArray("users")
                            .getJsonNumber(0)
                            .longValue())
                    .isEqualTo(carol.id());

            for (String bad : new String[] {"hi", "👍 ok", "", "1", "<b>", "\u0000", "👍".repeat(20)}) {
                assertThat(request(bobWs, react(conversation, seq, bad, true)).getString("code"))
                        .as(bad)
                        .isEqualTo("invalid_emoji");
            }
            String[] many = {"😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊"};
            for (String emoji : many) {
                request(bobWs, react(conversation, seq, emoji, true));
            }
            assertThat(request(bobWs, react(conversation, seq, "😋", true)).getString("code"))
                    .isEqualTo("too_many_reactions");
            assertThat(request(bobWs, react(conversation, 1, "👍", true)).getString("code"))
                    .isEqualTo("not_reactable");
            assertThat(request(strangerWs, react(conversation, seq, "👍", true)).getString("code"))
                    .isEqualTo("forbidden");
            request(aliceWs, onMessage("recall", conversation, seq));
            assertThat(request(bobWs, react(conversation, seq, "👍", true)).getString("code"))
                    .isEqualTo("message_recalled");
        }
    }

    @Test
    void pinsAreForAdminsInGroupsAndBothPeopleInADirectChat() {
        Person owner = Person.create(api, "PinOwner");
        Person member = Person.create(api, "PinMember");
        befriend(owner, member);
        long group = owner.conversationOfGroup(owner.createGroup("pins", member));
        long direct = owner.conversationWith(member);
        try (WsClient ownerWs = owner.connect();
                WsClient memberWs = member.connect()) {
            long seq = memberWs.request(send(group, "pin me"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            assertThat(request(memberWs, pin(group, seq, true)).getString("code"))
                    .isEqualTo("not_admin");
            assertThat(request(ownerWs, pin(group, seq, true)).getString("type"))
                    .isEqualTo("ok");
            JsonObject pins = memberWs.next(f -> "pins".equals(f.getString("type")), WAIT);
            assertThat(pins.getJsonNumber("conversation").longValue()).isEqualTo(group);
            assertThat(pins.getJsonArray("pins")
                            .getJsonObject(0)
                            .getJsonObject("message")
                            .getString("body"))
                    .isEqualTo("pin me");
            assertThat(pins.getJsonArray("pins")
                            .getJsonObject(0)
                            .getJsonNumber("by")
                            .longValue())
                    .isEqualTo(owner.id());
            assertThat(okArray(200, member.get("/conversations/" + group + "/pins")))
                    .hasSize(1);

            // In a direct chat either person pins; a chat holds ten.
            for (int i = 0; i < 10; i++) {
                long each = memberWs.request(send(direct, "d" + i), WAIT)
                        .getJsonNumber("seq")
                        .longValue();
                assertThat(request(i % 2 == 0 ? memberWs : ownerWs, pin(direct, each, true))
                                .getString("type"))
                        .isEqualTo("ok");
            }
            long eleventh = memberWs.request(send(direct, "one more"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            assertThat(request(memberWs, pin(direct, eleventh, true)).getString("code"))
                    .isEqualTo("too_many_pins");
            request(ownerWs, pin(direct, 1, false));
            assertThat(okArray(200, owner.get("/conversations/" + direct + "/pins")))
                    .hasSize(9);
            Person stranger = Person.create(api, "PinStranger");
            assertThat(stranger.get("/conversations/" + direct + "/pins").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void deletingForMyselfLeavesOthersTheirMessageAndMeOnlyItsPlace() {
        Person alice = Person.create(api, "HideA");
        Person bob = Person.create(api, "HideB");
        befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect();
                WsClient bobPhone = bob.connect()) {
            long seq = aliceWs.request(send(direct, "embarrassing"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            aliceWs.request(send(direct, "after it"), WAIT);
            assertThat(request(bobWs, onMessage("hide", direct, seq)).getString("type"))
                    .isEqualTo("ok");
            JsonObject hidden = bobPhone.next(f -> "message.hidden".equals(f.getString("type")), WAIT);
            assertThat(hidden.getJsonNumber("seq").longValue()).isEqualTo(seq);

            JsonArray bobsHistory =
                    ok(200, bob.get("/conversations/" + direct + "/messages")).getJsonArray("messages");
            JsonObject placeholder = bobsHistory.getJsonObject(0);
            assertThat(placeholder.getJsonNumber("seq").longValue()).isEqualTo(seq);
            assertThat(placeholder.getBoolean("hidden")).isTrue();
            assertThat(placeholder.containsKey("body")).isFalse();
            assertThat(bobsHistory.getJsonObject(1).getString("body")).isEqualTo("after it");
            JsonArray alicesHistory =
                    ok(200, alice.get("/conversations/" + direct + "/messages")).getJsonArray("messages");
            assertThat(alicesHistory.getJsonObject(0).getString("body")).isEqualTo("embarrassing");
            assertThat(alicesHistory.getJsonObject(0).getBoolean("hidden")).isFalse();
            assertThat(aliceWs.drain()).noneMatch(f -> "message.hidden".equals(f.getString("type")));
        }
    }

    @Test
    void aForwardIsANewMessageThatSaysSoAndCarriesItsFileToNewReaders() {
        Person alice = Person.create(api, "FwdA");
        Person bob = Person.create(api, "FwdB");
        Person carol = Person.create(api, "FwdC");
        Person outsider = Person.create(api, "FwdX");
        befriend(alice, bob);
        befriend(bob, carol);
        long withAlice = alice.conversationWith(bob);
        long withCarol = bob.conversationWith(carol);
        long media = ok(
                        201,
                        alice.api()
                                .send(
                                        "POST",
                                        "/media?conversation=" + withAlice + "&name=notes.txt",
                                        "plain words",
                                        alice.token(),
                                        "Content-Type",
                                        "application/octet-stream"))
                .getJsonNumber("id")
                .longValue();
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect();
                WsClient carolWs = carol.connect()) {
            long fileSeq = aliceWs.request(
                            "{\"type\":\"send\",\"id\":\"f" + IDS.incrementAndGet() + "\",\"conversation\":" + withAlice
                                    + ",\"clientMessageId\":\"file-" + IDS.get() + "\",\"media\":" + media + "}",
                            WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            assertThat(carol.api()
                            .send("GET", "/media/" + media, null, carol.token())
                            .statusCode())
                    .as("not yet forwarded to carol")
                    .isEqualTo(404);

            JsonObject ack = request(bobWs, forward(withCarol, "fwd-1", withAlice, fileSeq));
            assertThat(ack.getString("type")).isEqualTo("ack");
            JsonObject copy = carolWs.next(f -> "message".equals(f.getString("type")), WAIT)
                    .getJsonObject("message");
            assertThat(copy.getBoolean("forwarded")).isTrue();
            assertThat(copy.getString("kind")).isEqualTo("file");
            assertThat(copy.getJsonNumber("sender").longValue()).isEqualTo(bob.id());
            assertThat(copy.getJsonObject("media").getJsonNumber("id").longValue())
                    .isEqualTo(media);
            Api.expect(200, carol.api().send("GET", "/media/" + media, null, carol.token()));
            assertThat(outsider.api()
                            .send("GET", "/media/" + media, null, outsider.token())
                            .statusCode())
                    .isEqualTo(404);
            // A resend is the same message; a forward from where one is not, or of a recalled one, is refused.
            JsonObject again = request(bobWs, forward(withCarol, "fwd-1", withAlice, fileSeq));
            assertThat(again.getBoolean("duplicate")).isTrue();
            assertThat(again.getJsonNumber("seq").longValue())
                    .isEqualTo(ack.getJsonNumber("seq").longValue());
            assertThat(request(carolWs, forward(withCarol, "fwd-2", withAlice, fileSeq))
                            .getString("code"))
                    .isEqualTo("forbidden");
            long textSeq = aliceWs.request(send(withAlice, "take it back"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            request(aliceWs, onMessage("recall", withAlice, textSeq));
            assertThat(request(bobWs, forward(withCarol, "fwd-3", withAlice, textSeq))
                            .getString("code"))
                    .isEqualTo("not_forwardable");
            assertThat(request(
                                    bobWs,
                                    "{\"type\":\"forward\",\"id\":\"x" + IDS.incrementAndGet() + "\",\"conversation\":"
                                            + withCarol + ",\"clientMessageId\":\"fwd-4\",\"from\":{\"seq\":1}}")
                            .getString("code"))
                    .isEqualTo("invalid_input");
        }
    }

    @Test
    void whoMayNotWriteMayNotReactPinOrForwardEitherAndARecallUnpins() {
        Person alice = Person.create(api, "RuleA");
        Person bob = Person.create(api, "RuleB");
        Person carol = Person.create(api, "RuleC");
        befriend(alice, bob);
        befriend(alice, carol);
        befriend(bob, carol);
        long direct = alice.conversationWith(bob);
        long groupId = alice.createGroup("rules", bob, carol);
        long group = alice.conversationOfGroup(groupId);
        long withCarol = bob.conversationWith(carol);
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect()) {
            long inDirect = aliceWs.request(send(direct, "before the block"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            long inGroup = aliceWs.request(send(group, "group secret"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();

            // A recall takes the message out of the pins, for everyone.
            request(aliceWs, pin(group, inGroup, true));
            long recalled = aliceWs.request(send(group, "oops"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            request(aliceWs, pin(group, recalled, true));
            // Bob has seen both pins (pushes come after the answer to Alice: awaited, not drained).
            bobWs.next(
                    f -> "pins".equals(f.getString("type"))
                            && f.getJsonArray("pins").size() == 2,
                    WAIT);
            request(aliceWs, onMessage("recall", group, recalled));
            JsonObject pins = bobWs.next(f -> "pins".equals(f.getString("type")), WAIT);
            assertThat(pins.getJsonArray("pins")).hasSize(1);

            // Blocked: no reactions, no pins in the direct chat.
            Api.expect(204, alice.put("/blocks/" + bob.id(), null));
            assertThat(request(bobWs, react(direct, inDirect, "👍", true)).getString("code"))
                    .isEqualTo("blocked");
            assertThat(request(bobWs, pin(direct, inDirect, true)).getString("code"))
                    .isEqualTo("blocked");

            // Removed from the group: nothing there any more, not even forwarding out of it.
            Api.expect(204, alice.delete("/groups/" + groupId + "/members/" + bob.id()));
            assertThat(request(bobWs, react(group, inGroup, "👍", true)).getString("code"))
                    .isEqualTo("forbidden");
            assertThat(request(bobWs, forward(withCarol, "rule-f1", group, inGroup))
                            .getString("code"))
                    .isEqualTo("forbidden");

            // A forward is not the forwarder's to edit.
            long copy = request(aliceWs, forward(group, "rule-f2", direct, inDirect))
                    .getJsonNumber("seq")
                    .longValue();
            assertThat(request(
                                    aliceWs,
                                    "{\"type\":\"edit\",\"id\":\"e" + IDS.incrementAndGet() + "\",\"conversation\":"
                                            + group + ",\"seq\":" + copy + ",\"body\":\"changed\"}")
                            .getString("code"))
                    .isEqualTo("not_sender");
        }
    }

    @Test
    void aMessageDeletedForMeIsNeitherMyPreviewNorASearchHit() {
        Person alice = Person.create(api, "HideListA");
        Person bob = Person.create(api, "HideListB");
        befriend(alice, bob);
        long direct = alice.conversationWith(bob);
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect()) {
            long seq = aliceWs.request(send(direct, "findable pineapple"), WAIT)
                    .getJsonNumber("seq")
                    .longValue();
            request(bobWs, onMessage("hide", direct, seq));
            JsonObject last = ok(200, bob.get("/conversations/" + direct)).getJsonObject("lastMessage");
            assertThat(last.getBoolean("hidden")).isTrue();
            assertThat(last.containsKey("body")).isFalse();
            assertThat(okArray(200, bob.get("/conversations/search?q=pineapple")))
                    .isEmpty();
            assertThat(okArray(200, alice.get("/conversations/search?q=pineapple")))
                    .hasSize(1);
        }
    }

    private static JsonObject updated(WsClient client, long conversation, long seq) {
        return client.next(
                        f -> "message.updated".equals(f.getString("type"))
                                && f.getJsonObject("message")
                                                .getJsonNumber("conversation")
                                                .longValue()
                                        == conversation
                                && f.getJsonObject("message")
                                                .getJsonNumber("seq")
                                                .longValue()
                                        == seq,
                        WAIT)
                .getJsonObject("message");
    }

    private static JsonObject request(WsClient client, String frame) {
        return client.request(frame, WAIT);
    }

    private static String send(long conversation, String body) {
        int id = IDS.incrementAndGet();
        return Json.object(
                "type",
                "send",
                "id",
                "s" + id,
                "conversation",
                conversation,
                "clientMessageId",
                "a" + id,
                "body",
                body);
    }

    /** A frame that names one message and nothing more ({@code recall}, {@code hide}). */
    private static String onMessage(String type, long conversation, long seq) {
        return Json.object("type", type, "id", type + IDS.incrementAndGet(), "conversation", conversation, "seq", seq);
    }

    private static String react(long conversation, long seq, String emoji, boolean on) {
        return Json.object(
                "type",
                "react",
                "id",
                "e" + IDS.incrementAndGet(),
                "conversation",
                conversation,
                "seq",
                seq,
                "emoji",
                emoji,
                "on",
                on);
    }

    private static String pin(long conversation, long seq, boolean on) {
        return Json.object(
                "type", "pin", "id", "p" + IDS.incrementAndGet(), "conversation", conversation, "seq", seq, "on", on);
    }

    private static String forward(long into, String clientId, long fromConversation, long seq) {
        return "{\"type\":\"forward\",\"id\":\"w" + IDS.incrementAndGet() + "\",\"conversation\":" + into
                + ",\"clientMessageId\":\"" + clientId + "\",\"from\":{\"conversation\":" + fromConversation
                + ",\"seq\":" + seq + "}}";
    }
}

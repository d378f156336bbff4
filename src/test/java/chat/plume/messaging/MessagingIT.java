package chat.plume.messaging;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Leg;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The delivery guarantees of messaging, as clients see them over the WebSocket and REST. */
@RunAsClient
class MessagingIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @Test
    void aMessageIsAcknowledgedStoredAndPushedToEveryDeviceOfEveryMember() {
        Direct chat = direct("Alice", "Bob");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        try (WsClient alicePhone = alice.connect();
                WsClient aliceLaptop = alice.connect();
                WsClient bobWs = bob.connect()) {
            JsonObject ack = send(alicePhone, conversation, "c-1", "你好，Bob 👋");
            assertThat(ack.getString("type")).isEqualTo("ack");
            assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(1);
            assertThat(ack.getBoolean("duplicate")).isFalse();

            JsonObject atBob = bobWs.next(type("message"), WAIT).getJsonObject("message");
            assertThat(atBob.getString("body")).isEqualTo("你好，Bob 👋");
            assertThat(atBob.getJsonNumber("sender").longValue()).isEqualTo(alice.id());
            assertThat(aliceLaptop
                            .next(type("message"), WAIT)
                            .getJsonObject("message")
                            .getString("clientMessageId"))
                    .isEqualTo("c-1");

            JsonObject bobsList = Json.parseArray(
                            Api.expect(200, bob.get("/conversations")).body())
                    .getJsonObject(0);
            assertThat(bobsList.getJsonNumber("unread").longValue()).isEqualTo(1);
            assertThat(bobsList.getJsonObject("lastMessage").getString("body")).isEqualTo("你好，Bob 👋");
            assertThat(bobsList.getJsonObject("peer").getJsonNumber("id").longValue())
                    .isEqualTo(alice.id());
        }
    }

    /**
     * Sends pipelined from two people at once are committed in batches; every device still
     * receives the conversation's messages in sequence order (batches used to arrive backwards).
     */
    @Test
    void pushesArriveInSequenceOrderWhateverTheBatching() {
        Direct chat = direct("Olive", "Pete");
        long conversation = chat.conversation();
        try (WsClient olive = chat.alice().connect();
                WsClient pete = chat.bob().connect();
                WsClient oliveLaptop = chat.alice().connect()) {
            int each = 40;
            for (int i = 0; i < each; i++) {
                olive.sendAsync(
                        frame("send", "conversation", conversation, "clientMessageId", "o" + i, "body", "o" + i));
                pete.sendAsync(
                        frame("send", "conversation", conversation, "clientMessageId", "p" + i, "body", "p" + i));
            }
            for (WsClient device : List.of(olive, pete, oliveLaptop)) {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 2 * each; i++) {
                    seqs.add(device.next(type("message"), WAIT)
                            .getJsonObject("message")
                            .getJsonNumber("seq")
                            .longValue());
                }
                assertThat(seqs)
                        .as("pushes in the order received")
                        .isSorted()
                        .doesNotHaveDuplicates()
                        .hasSize(2 * each)
                        .startsWith(1L)
                        .endsWith((long) 2 * each);
            }
        }
    }

    @Test
    void aResendWithTheSameClientMessageIdGetsTheSameAckAndNoSecondMessage() {
        Direct chat = direct("Resend", "Recv");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        try (WsClient ws = alice.connect();
                WsClient other = alice.connect()) {
            String clientId = UUID.randomUUID().toString();
            JsonObject first = send(ws, conversation, clientId, "once");
            // The same send again, even from another connection of the same person (the retry after a reconnect).
            JsonObject again = send(other, conversation, clientId, "once");
            assertThat(again.getBoolean("duplicate")).isTrue();
            assertThat(again.getJsonNumber("seq")).isEqualTo(first.getJsonNumber("seq"));
            assertThat(again.getJsonNumber("messageId")).isEqualTo(first.getJsonNumber("messageId"));
        }
        assertThat(history(alice, conversation, 0)).hasSize(1);
    }

    @Test
    void concurrentSendersInOneGroupGetGapFreeSequencesInTheirOwnOrder() throws Exception {
        Person owner = Person.create(api, "GOwner");
        List<Person> senders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person member = Person.create(api, "GSender");
            befriend(owner, member);
            senders.add(member);
        }
        long group = ok(
                        201,
                        owner.post(
                                "/groups",
                                "{\"name\":\"race\",\"memberIds\":["
                                        + senders.get(0).id() + ","
                                        + senders.get(1).id() + ","
                                        + senders.get(2).id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        long conversation = ok(200, owner.post("/conversations", Json.object("groupId", group)))
                .getJsonNumber("id")
                .longValue();
        int perSender = 30;
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Person sender : senders) {
                running.add(pool.submit(() -> {
                    try (WsClient ws = sender.connect()) {
                        for (int i = 0; i < perSender; i++) {
                            JsonObject ack =
                                    send(ws, conversation, sender.username() + "-" + i, sender.username() + " " + i);
                            assertThat(ack.getString("type")).isEqualTo("ack");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : running) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonObject> all = history(owner, conversation, 0);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).getJsonNumber("seq").longValue()).as("no gap").isEqualTo(i + 1);
        }
        for (Person sender : senders) {
            List<String> theirs = all.stream()
                    .filter(m -> "text".equals(m.getString("kind")))
                    .filter(m -> m.getJsonNumber("sender").longValue() == sender.id())
                    .map(m -> m.getString("body"))
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perSender; i++) {
                expected.add(sender.username() + " " + i);
            }
            assertThat(theirs).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aReceiverThatDropsMidStreamResumesWithExactlyEveryMessage() {
        Direct chat = direct("Stream", "Flaky");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        int total = 60;
        Map<Long, String> seen = new TreeMap<>();
        try (WsClient aliceWs = alice.connect()) {
            WsClient bobWs = bob.connect();
            for (int i = 1; i <= total; i++) {
                assertThat(send(aliceWs, conversation, "s" + i, "message " + i).getString("type"))
                        .isEqualTo("ack");
                if (i == 20) {
                    // Bob read what arrived so far, then his connection dies.
                    for (int k = 0; k < 20; k++) {
                        JsonObject m = bobWs.next(type("message"), WAIT).getJsonObject("message");
                        assertThat(seen.put(m.getJsonNumber("seq").longValue(), m.getString("body")))
                                .isNull();
                    }
                    bobWs.close();
                }
            }
        }
        // Back online: sync says where each conversation is; page through everything after the last seen.
        try (WsClient bobWs = bob.connect()) {
            JsonObject sync = bobWs.request(Json.object("type", "sync", "id", "s1"), WAIT);
            JsonObject state = sync.getJsonArray("conversations").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getJsonNumber("id").longValue() == conversation)
                    .findFirst()
                    .orElseThrow();
            assertThat(state.getJsonNumber("lastSeq").longValue()).isEqualTo(total);
            long position = seen.keySet().stream().max(Long::compare).orElse(0L);
            boolean more = true;
            while (more) {
                JsonObject page = bobWs.request(
                        "{\"type\":\"history\",\"id\":\"h" + position + "\",\"conversation\":" + conversation
                                + ",\"after\":" + position + ",\"limit\":15}",
                        WAIT);
                for (JsonObject m : page.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                    long seq = m.getJsonNumber("seq").longValue();
                    assertThat(seen.put(seq, m.getString("body")))
                            .as("duplicate %s", seq)
                            .isNull();
                    position = seq;
                }
                more = page.getBoolean("hasMore");
            }
        }
        assertThat(seen).hasSize(total);
        for (long seq = 1; seq <= total; seq++) {
            assertThat(seen.get(seq)).isEqualTo("message " + seq);
        }
    }

    @Test
    void outsidersCanNeitherReadNorWriteAndNothingIsStored() {
        Person alice = Person.create(api, "Inside");
        Person bob = Person.create(api, "Inside2");
        Person eve = Person.create(api, "Eve");
        befriend(alice, bob);
        long conversation = openDirect(alice, bob);
        try (WsClient aliceWs = alice.connect();
                WsClient eveWs = eve.connect()) {
            send(aliceWs, conversation, "x1", "private");
            JsonObject refused = send(eveWs, conversation, "e1", "let me in");
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("forbidden");
            JsonObject history =
                    eveWs.request("{\"type\":\"history\",\"id\":\"eh\",\"conversation\":" + conversation + "}", WAIT);
            assertThat(history.getString("code")).isEqualTo("forbidden");
        }
        assertProblem(eve.get("/conversations/" + conversation + "/messages"), 403, "forbidden");
        assertProblem(eve.post("/conversations", Json.object("userId", alice.id())), 403, "not_friend");
        assertThat(history(alice, conversation, 0)).hasSize(1);
    }

    @Test
    void blockedFormerFriendsAndRemovedMembersCanNoLongerWriteOrRead() {
        Person alice = Person.create(api, "Blocker");
        Person bob = Person.create(api, "Blocked");
        Person carol = Person.create(api, "Removed");
        befriend(alice, bob);
        befriend(alice, carol);
        long direct = openDirect(alice, bob);
        long group = ok(201, alice.post("/groups", "{\"name\":\"leavers\",\"memberIds\":[" + carol.id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        long groupConversation = ok(200, carol.post("/conversations", Json.object("groupId", group)))
                .getJsonNumber("id")
                .longValue();
        try (WsClient bobWs = bob.connect();
                WsClient carolWs = carol.connect()) {
            assertThat(send(bobWs, direct, "before", "hi").getString("type")).isEqualTo("ack");
            Api.expect(204, alice.put("/blocks/" + bob.id(), null));
            assertThat(send(bobWs, direct, "after", "hello?").getString("code")).isEqualTo("blocked");
            assertThat(bobWs.request(frame("edit", "conversation", direct, "seq", 1, "body", "changed"), WAIT)
                            .getString("code"))
                    .isEqualTo("blocked");

            Api.expect(204, alice.delete("/groups/" + group + "/members/" + carol.id()));
            assertThat(send(carolWs, groupConversation, "gone", "still here?").getString("code"))
                    .isEqualTo("forbidden");
            assertProblem(carol.get("/conversations/" + groupConversation + "/messages"), 403, "forbidden");
        }
    }

    @Test
    void groupAdminsMayRecallAnyonesMessage() {
        Person owner = Person.create(api, "Moderator");
        Person member = Person.create(api, "Chatty");
        befriend(owner, member);
        long group = ok(201, owner.post("/groups", "{\"name\":\"moderated\",\"memberIds\":[" + member.id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        long conversation = ok(200, member.post("/conversations", Json.object("groupId", group)))
                .getJsonNumber("id")
                .longValue();
        try (WsClient ownerWs = owner.connect();
                WsClient memberWs = member.connect()) {
            long seq = send(memberWs, conversation, "oops", "something regrettable")
                    .getJsonNumber("seq")
                    .longValue();
            assertThat(ownerWs.request(frame("recall", "conversation", conversation, "seq", seq), WAIT)
                            .getString("type"))
                    .isEqualTo("ok");
            JsonObject recalled = memberWs.next(f -> "message.updated".equals(f.getString("type")), WAIT)
                    .getJsonObject("message");
            assertThat(recalled.getBoolean("recalled")).isTrue();
        }
    }

    @Test
    void badInputGetsErrorFramesWithStableCodes() {
        Direct chat = direct("Bad", "Bad2");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        try (WsClient ws = alice.connect()) {
            send(ws, conversation, "ok1", "fine");
            assertThat(send(ws, conversation, "b1", "   ").getString("code")).isEqualTo("empty_message");
            // 5,001 characters: one over the limit (and under the test server's 64 KiB frame limit).
            assertThat(send(ws, conversation, "b2", "x".repeat(5001)).getString("code"))
                    .isEqualTo("message_too_long");
            assertThat(send(ws, conversation, "bad id!", "x").getString("code")).isEqualTo("invalid_input");
            JsonObject reply = ws.request(
                    "{\"type\":\"send\",\"id\":\"r9\",\"conversation\":" + conversation
                            + ",\"clientMessageId\":\"b3\",\"body\":\"re\",\"replyTo\":99}",
                    WAIT);
            assertThat(reply.getString("code")).isEqualTo("unknown_reply");
            JsonObject future = ws.request(
                    "{\"type\":\"history\",\"id\":\"hf\",\"conversation\":" + conversation + ",\"after\":999}", WAIT);
            assertThat(future.getString("code")).isEqualTo("invalid_position");
            JsonObject garbage = ws.request("{\"type\":\"history\",\"id\":\"hg\",\"conversation\":\"abc\"}", WAIT);
            assertThat(garbage.getString("code")).isEqualTo("invalid_input");
            assertThat(garbage.getString("id")).isEqualTo("hg");
            assertThat(ws.request(
                                    "{\"type\":\"read\",\"id\":\"rf\",\"conversation\":" + conversation
                                            + ",\"seq\":50}",
                                    WAIT)
                            .getString("code"))
                    .isEqualTo("invalid_position");
        }
        assertProblem(
                alice.get("/conversations/" + conversation + "/messages?after=abc"), 400, "invalid_input", "after");
        assertThat(history(alice, conversation, 0)).hasSize(1);
    }

    @Test
    void unreadCountsAndReadReceiptsFollowEveryDevice() {
        Direct chat = direct("Sender", "Reader");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        try (WsClient aliceWs = alice.connect();
                WsClient bobPhone = bob.connect();
                WsClient bobLaptop = bob.connect()) {
            for (int i = 1; i <= 3; i++) {
                send(aliceWs, conversation, "u" + i, "hello " + i);
            }
            assertThat(unread(bob, conversation)).isEqualTo(3);
            JsonObject ok = bobPhone.request(
                    "{\"type\":\"read\",\"id\":\"r1\",\"conversation\":" + conversation + ",\"seq\":3}", WAIT);
            assertThat(ok.getString("type")).isEqualTo("ok");
            // Bob's other device learns that it is read; Alice gets her read receipt.
            JsonObject onLaptop = bobLaptop.next(type("read"), WAIT);
            assertThat(onLaptop.getJsonNumber("seq").longValue()).isEqualTo(3);
            JsonObject receipt = aliceWs.next(type("read"), WAIT);
            assertThat(receipt.getJsonNumber("user").longValue()).isEqualTo(bob.id());
            assertThat(unread(bob, conversation)).isZero();
            assertThat(ok(200, alice.get("/conversations/" + conversation))
                            .getJsonNumber("peerReadSeq")
                            .longValue())
                    .isEqualTo(3);
            // Typing reaches the other person of a direct conversation.
            bobPhone.send(Json.object("type", "typing", "conversation", conversation));
            JsonObject typing = aliceWs.next(type("typing"), WAIT);
            assertThat(typing.getJsonNumber("user").longValue()).isEqualTo(bob.id());
            // Reading backwards changes nothing.
            bobPhone.request("{\"type\":\"read\",\"id\":\"r2\",\"conversation\":" + conversation + ",\"seq\":1}", WAIT);
            assertThat(unread(bob, conversation)).isZero();
        }
    }

    @Test
    void editsAndRecallsReachEveryoneAndHistory() {
        Direct chat = direct("Editor", "Watcher");
        Person alice = chat.alice();
        Person bob = chat.bob();
        long conversation = chat.conversation();
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect()) {
            send(aliceWs, conversation, "e1", "helo");
            bobWs.next(type("message"), WAIT);
            assertThat(aliceWs.request(frame("edit", "conversation", conversation, "seq", 1, "body", "hello"), WAIT)
                            .getString("type"))
                    .isEqualTo("ok");
            JsonObject edited = bobWs.next(type("message.updated"), WAIT).getJsonObject("message");
            assertThat(edited.getString("body")).isEqualTo("hello");
            assertThat(edited.containsKey("editedAt")).isTrue();

            assertThat(bobWs.request(frame("edit", "conversation", conversation, "seq", 1, "body", "mine now"), WAIT)
                            .getString("code"))
                    .isEqualTo("not_sender");
            assertThat(bobWs.request(frame("recall", "conversation", conversation, "seq", 1), WAIT)
                            .getString("code"))
                    .isEqualTo("not_sender");

            aliceWs.request(frame("recall", "conversation", conversation, "seq", 1), WAIT);
            JsonObject recalled = bobWs.next(type("message.updated"), WAIT).getJsonObject("message");
            assertThat(recalled.getBoolean("recalled")).isTrue();
            assertThat(recalled.containsKey("body")).isFalse();
        }
        JsonObject stored = history(bob, conversation, 0).get(0);
        assertThat(stored.getBoolean("recalled")).isTrue();
        assertThat(stored.containsKey("body")).isFalse();
    }

    @Test
    void readersOfAGroupMessageComeInPagesWithTheirCount() {
        Person owner = Person.create(api, "ROwner");
        Person first = Person.create(api, "RFirst");
        Person second = Person.create(api, "RSecond");
        Person idle = Person.create(api, "RIdle");
        Person late = Person.create(api, "RLate");
        Person stranger = Person.create(api, "RStranger");
        for (Person friend : List.of(first, second, idle, late)) {
            befriend(owner, friend);
        }
        long group = owner.createGroup("readers", first, second, idle);
        long conversation = owner.conversationOfGroup(group);
        long seq = owner.sendText(conversation, "r1", "who reads this?")
                .getJsonNumber("seq")
                .longValue();
        for (Person reader : List.of(first, second)) {
            try (WsClient ws = reader.connect()) {
                ws.request(frame("read", "conversation", conversation, "seq", seq), WAIT);
            }
        }
        // Someone who joins afterwards and reads on is not a reader of the earlier message.
        Api.expect(200, owner.post("/groups/" + group + "/members", "{\"userIds\":[" + late.id() + "]}"));
        try (WsClient ws = late.connect()) {
            ws.request(frame("read", "conversation", conversation, "seq", unreadPosition(late, conversation)), WAIT);
        }
        String readers = "/conversations/" + conversation + "/messages/" + seq + "/readers";

        HttpResponse<String> firstPage = owner.get(readers + "?limit=1");
        JsonObject page = ok(200, firstPage);
        // The sender (whose read position is past their own message) is not counted either.
        assertThat(page.getJsonNumber("count").longValue()).isEqualTo(2);
        assertThat(page.getJsonArray("readers")).hasSize(1);
        long next = page.getJsonNumber("next").longValue();
        assertThat(firstPage.headers().firstValue("Link").orElseThrow())
                .contains("after=" + next)
                .contains("rel=\"next\"");
        JsonObject last = ok(200, owner.get(readers + "?limit=1&after=" + next));
        assertThat(last.containsKey("next")).as("no next page").isFalse();
        assertThat(List.of(
                        page.getJsonArray("readers")
                                .getJsonObject(0)
                                .getJsonNumber("id")
                                .longValue(),
                        last.getJsonArray("readers")
                                .getJsonObject(0)
                                .getJsonNumber("id")
                                .longValue()))
                .containsExactly(Math.min(first.id(), second.id()), Math.max(first.id(), second.id()));

        Api.expect(400, owner.get(readers + "?limit=201"));
        Api.expect(400, owner.get(readers + "?after=x"));
        Api.expect(403, stranger.get(readers));
    }

    @Test
    void groupMessagesCarryMentionsSystemNoticesAndRespectMutes() {
        Person owner = Person.create(api, "MOwner");
        Person member = Person.create(api, "MMember");
        Person late = Person.create(api, "MLate");
        befriend(owner, member);
        befriend(owner, late);
        long group = ok(201, owner.post("/groups", "{\"name\":\"mentions\",\"memberIds\":[" + member.id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        long conversation = ok(200, member.post("/conversations", Json.object("groupId", group)))
                .getJsonNumber("id")
                .longValue();
        try (WsClient ownerWs = owner.connect();
                WsClient memberWs = member.connect()) {
            JsonObject ack = ownerWs.request(
                    "{\"type\":\"send\",\"id\":\"m1\",\"conversation\":" + conversation
                            + ",\"clientMessageId\":\"m1\",\"body\":\"@member look\",\"mentions\":[" + member.id()
                            + "]}",
                    WAIT);
            assertThat(ack.getString("type")).isEqualTo("ack");
            JsonObject received = memberWs.next(
                            f -> "message".equals(f.getString("type"))
                                    && "text".equals(f.getJsonObject("message").getString("kind")),
                            WAIT)
                    .getJsonObject("message");
            assertThat(received.getJsonArray("mentions").getJsonNumber(0).longValue())
                    .isEqualTo(member.id());
            // A group message names its sender, so that a chat list can say who wrote it.
            assertThat(received.getString("senderName")).isEqualTo("Name " + owner.username());
            assertThat(ownerWs.request(
                                    "{\"type\":\"send\",\"id\":\"m2\",\"conversation\":" + conversation
                                            + ",\"clientMessageId\":\"m2\",\"body\":\"x\",\"mentions\":[" + late.id()
                                            + "]}",
                                    WAIT)
                            .getString("code"))
                    .isEqualTo("invalid_mention");

            // Joining leaves a system notice in the conversation, seen by everyone.
            Api.expect(200, owner.post("/groups/" + group + "/members", "{\"userIds\":[" + late.id() + "]}"));
            JsonObject notice = memberWs.next(
                            f -> "message".equals(f.getString("type"))
                                    && "system"
                                            .equals(f.getJsonObject("message").getString("kind")),
                            WAIT)
                    .getJsonObject("message");
            JsonObject event = Json.parse(notice.getString("body"));
            assertThat(event.getString("event")).isEqualTo("joined");
            // It names who joined and who added them, for pages that do not hold every member.
            assertThat(event.getJsonNumber("user").longValue()).isEqualTo(late.id());
            assertThat(event.getString("userName")).isEqualTo("Name " + late.username());
            assertThat(event.getJsonNumber("by").longValue()).isEqualTo(owner.id());
            assertThat(event.getString("byName")).isEqualTo("Name " + owner.username());

            // Muted members cannot speak; the owner still can.
            ok(200, owner.put("/groups/" + group + "/members/" + member.id() + "/mute", Json.object("minutes", 10)));
            assertThat(send(memberWs, conversation, "muted1", "hello?").getString("code"))
                    .isEqualTo("muted");
            assertThat(send(ownerWs, conversation, "owner1", "quiet please").getString("type"))
                    .isEqualTo("ack");
        }
        // A group conversation lists how many others have read each of one's own messages.
        assertThat(readCountOf(owner, conversation, "m1")).isZero();
        long last = unreadPosition(member, conversation);
        try (WsClient memberWs = member.connect()) {
            memberWs.request(frame("read", "conversation", conversation, "seq", last), WAIT);
        }
        assertThat(readCountOf(owner, conversation, "m1")).isEqualTo(1);
        JsonObject readers = ok(
                200,
                owner.get("/conversations/" + conversation + "/messages/"
                        + history(owner, conversation, 0).stream()
                                .filter(m -> "m1".equals(m.getString("clientMessageId", null)))
                                .findFirst()
                                .orElseThrow()
                                .getJsonNumber("seq")
                                .longValue()
                        + "/readers"));
        assertThat(readers.getJsonArray("readers")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(member.id());
    }

    @Test
    void aFloodIsRefusedAndThenClosedWithoutTouchingAnyoneElse() {
        Person flooder = Person.create(api, "Flood");
        Person calm = Person.create(api, "Calm");
        try (WsClient ws = flooder.connect();
                WsClient bystander = calm.connect()) {
            try {
                for (int i = 0; i < 1000 && !ws.isClosed(); i++) {
                    ws.send(Json.object("type", "ping", "id", "f" + i));
                }
            } catch (CompletionException closedMeanwhile) {
                // The server closed the connection while the flood was still going out.
            }
            assertThat(ws.next(f -> "rate_limited".equals(f.getString("code", null)), WAIT)
                            .getString("type"))
                    .isEqualTo("error");
            WsClient.Closed closed = ws.awaitClose(WAIT);
            if (Leg.payara()) {
                // Tyrus closes the socket right after its close frame, with the flood still unread
                // on the server's side: the kernel answers with a reset, and the client may lose
                // the close frame (1006). The error frame above has said why all the same.
                assertThat(closed.code()).isIn(1008, 1006);
            } else {
                assertThat(closed).isEqualTo(new WsClient.Closed(1008, "rate_limited"));
            }
            assertThat(bystander
                            .request(Json.object("type", "ping", "id", "calm"), WAIT)
                            .getString("type"))
                    .isEqualTo("pong");
        }
    }

    // Helpers

    /** Two friends and their direct conversation. */
    record Direct(Person alice, Person bob, long conversation) {}

    Direct direct(String first, String second) {
        Person alice = Person.create(api, first);
        Person bob = Person.create(api, second);
        befriend(alice, bob);
        return new Direct(alice, bob, openDirect(alice, bob));
    }

    static long openDirect(Person from, Person to) {
        return ok(200, from.post("/conversations", Json.object("userId", to.id())))
                .getJsonNumber("id")
                .longValue();
    }

    /** Sends a text and returns the reply: an ack or an error frame. */
    static JsonObject send(WsClient ws, long conversation, String clientId, String body) {
        return ws.request(frame("send", "conversation", conversation, "clientMessageId", clientId, "body", body), WAIT);
    }

    static String frame(String type, Object... pairs) {
        Object[] all = new Object[pairs.length + 4];
        all[0] = "type";
        all[1] = type;
        all[2] = "id";
        all[3] = "q" + REQUESTS.incrementAndGet();
        System.arraycopy(pairs, 0, all, 4, pairs.length);
        return Json.object(all);
    }

    /** Every message after a position, through all pages. */
    static List<JsonObject> history(Person person, long conversation, long after) {
        return person.history(conversation, after);
    }

    static int readCountOf(Person person, long conversation, String clientId) {
        return history(person, conversation, 0).stream()
                .filter(m -> clientId.equals(m.getString("clientMessageId", null)))
                .findFirst()
                .orElseThrow()
                .getInt("readCount");
    }

    static long unreadPosition(Person person, long conversation) {
        return ok(200, person.get("/conversations/" + conversation))
                .getJsonNumber("lastSeq")
                .longValue();
    }

    static long unread(Person person, long conversation) {
        return ok(200, person.get("/conversations/" + conversation))
                .getJsonNumber("unread")
                .longValue();
    }

    static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type", null));
    }
}

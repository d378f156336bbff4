package chat.plume.calls;

import static chat.plume.calls.Phone.WAIT;
import static chat.plume.calls.Phone.code;
import static chat.plume.calls.Phone.id;
import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Calls at the frame level, as devices see them: ringing on every device of the callee, the first
 * answer winning, signalling only between the devices in the call, every way a call ends, glare,
 * group calls with their limit, drops and rejoins, and refusals that change nothing. The test
 * server rings for 8 s, gives a lost device 2 s, and lets 3 into a group call (pom.xml).
 */
@RunAsClient
class CallsIT extends ClientTestBase {

    private static final String TURN_SECRET = "turn-secret-for-tests";

    private Person[] friends(String prefix) {
        Person a = Person.create(api, prefix + "A");
        Person b = Person.create(api, prefix + "B");
        befriend(a, b);
        return new Person[] {a, b};
    }

    @Test
    void everyDeviceRingsTheFirstAnswerWinsAndSignallingGoesOnlyToTheDeviceInTheCall() throws Exception {
        Person[] p = friends("Ring");
        Person anna = p[0];
        Person ben = p[1];
        Person carl = Person.create(api, "RingStranger");
        long conversation = anna.conversationWith(ben);
        try (Phone annaPhone = Phone.of(anna);
                Phone benDesk = Phone.of(ben);
                Phone benMobile = Phone.of(ben);
                Phone carlPhone = Phone.of(carl)) {
            JsonObject placed = annaPhone.invite(conversation, "video");
            assertThat(placed.getString("type")).isEqualTo("call");
            long call = id(placed);
            assertThat(placed.getJsonObject("call").getString("state")).isEqualTo("ringing");
            assertTurnCredential(placed.getJsonObject("ice"), anna.id());

            for (Phone device : List.of(benDesk, benMobile)) {
                JsonObject ringing = device.nextCall(call, "ringing");
                assertThat(ringing.getBoolean("group")).isFalse();
                assertThat(ringing.getString("media")).isEqualTo("video");
                assertThat(participant(ringing, ben.id()).getString("state")).isEqualTo("invited");
            }

            JsonObject answered = benMobile.accept(call);
            assertThat(answered.getJsonObject("call").getString("state")).isEqualTo("active");
            assertTurnCredential(answered.getJsonObject("ice"), ben.id());
            // The desk stops ringing: its person joined, and it did not ask to.
            JsonObject elsewhere = benDesk.nextCall(call, "active");
            assertThat(participant(elsewhere, ben.id()).getString("state")).isEqualTo("joined");
            assertThat(code(benDesk.accept(call))).isEqualTo("answered_elsewhere");
            assertThat(code(benDesk.request("call.decline", "call", call))).isEqualTo("answered_elsewhere");
            // The mobile answering again is answered the same, and changes nothing.
            assertThat(benMobile.accept(call).getJsonObject("call").getString("state"))
                    .isEqualTo("active");

            assertThat(annaPhone
                            .offer(call, ben.id(), "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n")
                            .getString("type"))
                    .isEqualTo("ok");
            JsonObject offer = benMobile.socket.next("call.signal", WAIT);
            assertThat(offer.getJsonNumber("from").longValue()).isEqualTo(anna.id());
            assertThat(offer.getJsonObject("description").getString("type")).isEqualTo("offer");
            assertThat(offer.getJsonObject("description").getString("sdp")).startsWith("v=0\r\n");
            assertThat(benDesk.receivesNothingOf("call.signal")).isTrue();

            assertThat(code(benDesk.offer(call, anna.id(), "v=0"))).isEqualTo("not_call_device");
            assertThat(benMobile
                            .request(
                                    "call.candidates",
                                    "call",
                                    call,
                                    "to",
                                    anna.id(),
                                    "candidates",
                                    jakarta.json.Json.createArrayBuilder()
                                            .add(jakarta.json.Json.createObjectBuilder()
                                                    .add("candidate", "candidate:1 1 udp 1 127.0.0.1 5000 typ host")
                                                    .add("sdpMid", "0")
                                                    .add("sdpMLineIndex", 0))
                                            .build())
                            .getString("type"))
                    .isEqualTo("ok");
            JsonObject candidates = annaPhone.socket.next("call.candidates", WAIT);
            assertThat(candidates.getJsonNumber("from").longValue()).isEqualTo(ben.id());
            assertThat(candidates.getJsonArray("candidates")).hasSize(1);
            assertThat(benMobile
                            .request("call.media", "call", call, "audio", true, "video", false, "screen", true)
                            .getString("type"))
                    .isEqualTo("ok");
            JsonObject media = annaPhone.socket.next("call.media", WAIT);
            assertThat(media.getBoolean("screen")).isTrue();
            assertThat(media.getJsonNumber("user").longValue()).isEqualTo(ben.id());

            // Nothing of the call is anyone else's business, and what they try changes nothing.
            assertThat(code(carlPhone.accept(call))).isEqualTo("call_not_found");
            assertThat(code(carlPhone.hangup(call))).isEqualTo("call_not_found");
            assertThat(code(carlPhone.offer(call, anna.id(), "v=0"))).isEqualTo("call_not_found");
            assertThat(code(carlPhone.request("call.get", "conversation", conversation)))
                    .isEqualTo("forbidden");
            assertThat(code(carlPhone.request("call.end", "call", call))).isEqualTo("call_not_found");
            assertThat(code(annaPhone.invite(conversation, "voice"))).isEqualTo("call_in_progress");
            assertThat(code(annaPhone.offer(call, carl.id(), "v=0"))).isEqualTo("peer_not_in_call");

            assertThat(annaPhone.request("call.connected", "call", call).getString("type"))
                    .isEqualTo("ok");
            JsonObject ended = benMobile.hangup(call).getJsonObject("call");
            assertThat(ended.getString("state")).isEqualTo("ended");
            assertThat(ended.getString("reason")).isEqualTo("completed");
            assertThat(annaPhone.nextCall(call, "ended").getString("reason")).isEqualTo("completed");
            // Late and repeated frames are answered and change nothing.
            assertThat(benMobile.hangup(call).getJsonObject("call").getString("reason"))
                    .isEqualTo("completed");
            assertThat(code(benDesk.accept(call))).isEqualTo("call_ended");
            assertThat(code(annaPhone.offer(call, ben.id(), "v=0"))).isEqualTo("call_ended");
        }
        JsonObject entry = callEntry(ben, conversation);
        assertThat(entry.getString("kind")).isEqualTo("call");
        assertThat(entry.getJsonNumber("sender").longValue()).isEqualTo(anna.id());
        JsonObject body = Json.parse(entry.getString("body"));
        assertThat(body.getString("state")).isEqualTo("ended");
        assertThat(body.getString("reason")).isEqualTo("completed");
        assertThat(body.getJsonArray("joined").getValuesAs(JsonValue.class).stream()
                        .map(v -> Long.parseLong(v.toString()))
                        .toList())
                .containsExactlyInAnyOrder(anna.id(), ben.id());
        assertThat(body.getJsonNumber("duration").longValue()).isNotNegative();
        // Counted as unread like a message, for the callee only.
        assertThat(unread(ben, conversation)).isEqualTo(1);
        assertThat(unread(anna, conversation)).isZero();
    }

    @Test
    void declinedCancelledMissedAndBusyCallsEndAsSuchAndShowInTheChat() throws Exception {
        Person[] p = friends("Ends");
        Person anna = p[0];
        Person ben = p[1];
        Person carl = Person.create(api, "EndsC");
        befriend(carl, ben);
        long conversation = anna.conversationWith(ben);
        long carlAndBen = carl.conversationWith(ben);
        try (Phone annaPhone = Phone.of(anna);
                Phone benPhone = Phone.of(ben);
                Phone carlPhone = Phone.of(carl)) {
            long declined = id(annaPhone.invite(conversation, "voice"));
            benPhone.nextCall(declined, "ringing");
            JsonObject refused = benPhone.request("call.decline", "call", declined);
            assertThat(refused.getJsonObject("call").getString("reason")).isEqualTo("declined");
            assertThat(annaPhone.nextCall(declined, "ended").getString("reason"))
                    .isEqualTo("declined");

            long cancelled = id(annaPhone.invite(conversation, "voice"));
            benPhone.nextCall(cancelled, "ringing");
            assertThat(annaPhone.hangup(cancelled).getJsonObject("call").getString("reason"))
                    .isEqualTo("cancelled");
            assertThat(benPhone.nextCall(cancelled, "ended").getString("reason"))
                    .isEqualTo("cancelled");

            long missed = id(annaPhone.invite(conversation, "video"));
            benPhone.nextCall(missed, "ringing");
            // Nobody answers: the ring timeout (8 s here) ends it, on every device.
            JsonObject unanswered = benPhone.nextCall(missed, "ended");
            assertThat(unanswered.getString("reason")).isEqualTo("missed");
            assertThat(participant(unanswered, ben.id()).getString("state")).isEqualTo("invited");
            assertThat(annaPhone.nextCall(missed, "ended").getString("reason")).isEqualTo("missed");
            assertThat(code(benPhone.accept(missed))).isEqualTo("call_ended");

            // Busy: Ben is in a call with Anna when Carl calls him.
            long talking = id(annaPhone.invite(conversation, "voice"));
            benPhone.nextCall(talking, "ringing");
            benPhone.accept(talking);
            JsonObject busy = carlPhone.invite(carlAndBen, "voice");
            assertThat(busy.getJsonObject("call").getString("state")).isEqualTo("ended");
            assertThat(busy.getJsonObject("call").getString("reason")).isEqualTo("busy");
            assertThat(busy.containsKey("ice")).isFalse();
            assertThat(code(annaPhone.invite(carlAndBen, "voice")))
                    .as("a conversation Anna is not in")
                    .isEqualTo("forbidden");
            annaPhone.hangup(talking);

            List<String> reasons = anna.history(conversation, 0).stream()
                    .filter(m -> m.getString("kind").equals("call"))
                    .map(m -> Json.parse(m.getString("body")))
                    .filter(b -> b.getString("state").equals("ended"))
                    .map(b -> b.getString("reason"))
                    .toList();
            assertThat(reasons).containsExactly("declined", "cancelled", "missed", "completed");
            assertThat(callEntry(ben, carlAndBen).getString("body")).contains("\"reason\":\"busy\"");
        }
    }

    @Test
    void anAnsweredCallWhoseMediaNeverConnectsFails() {
        Person[] p = friends("Failed");
        long conversation = p[0].conversationWith(p[1]);
        try (Phone anna = Phone.of(p[0]);
                Phone ben = Phone.of(p[1])) {
            long call = id(anna.invite(conversation, "video"));
            ben.nextCall(call, "ringing");
            ben.accept(call);
            // Nobody reports a connection: the connect timeout (10 s here) ends it as failed.
            JsonObject failed = anna.socket
                    .next(
                            f -> f.getString("type", "").equals("call")
                                    && f.getJsonObject("call")
                                            .getString("state")
                                            .equals("ended"),
                            Duration.ofSeconds(30))
                    .getJsonObject("call");
            assertThat(failed.getString("reason")).isEqualTo("failed");
            assertThat(callEntry(p[1], conversation).getString("body")).contains("\"reason\":\"failed\"");
        }
    }

    @Test
    void onePersonIsInOneCallAtATimeEvenWhenTwoAnswersRace() {
        Person ben = Person.create(api, "RaceBen");
        Person first = Person.create(api, "RaceFirst");
        Person second = Person.create(api, "RaceSecond");
        befriend(first, ben);
        befriend(second, ben);
        long one = first.conversationOfGroup(first.createGroup("Race one", ben));
        long two = second.conversationOfGroup(second.createGroup("Race two", ben));
        try (Phone firstPhone = Phone.of(first);
                Phone secondPhone = Phone.of(second);
                Phone benDesk = Phone.of(ben);
                Phone benMobile = Phone.of(ben)) {
            for (int round = 0; round < 3; round++) {
                long a = id(firstPhone.invite(one, "voice"));
                long b = id(secondPhone.invite(two, "voice"));
                CompletableFuture<JsonObject> onDesk = CompletableFuture.supplyAsync(() -> benDesk.accept(a));
                CompletableFuture<JsonObject> onMobile = CompletableFuture.supplyAsync(() -> benMobile.accept(b));
                List<String> outcomes = List.of(
                        onDesk.join().getString("type").equals("call") ? "joined" : code(onDesk.join()),
                        onMobile.join().getString("type").equals("call") ? "joined" : code(onMobile.join()));
                assertThat(outcomes).containsExactlyInAnyOrder("joined", "already_in_call");
                firstPhone.hangup(a);
                secondPhone.hangup(b);
                benDesk.hangup(a);
                benMobile.hangup(b);
            }
        }
    }

    @Test
    void twoPeopleCallingEachOtherAtOnceMakeOneCall() {
        Person[] p = friends("Glare");
        long conversation = p[0].conversationWith(p[1]);
        try (Phone anna = Phone.of(p[0]);
                Phone ben = Phone.of(p[1])) {
            for (int round = 0; round < 3; round++) {
                JsonObject annaInvite = Phone.frame("call.invite", "conversation", conversation, "media", "video");
                JsonObject benInvite = Phone.frame("call.invite", "conversation", conversation, "media", "voice");
                CompletableFuture<JsonObject> annaAnswer =
                        CompletableFuture.supplyAsync(() -> anna.socket.request(annaInvite.toString(), WAIT));
                CompletableFuture<JsonObject> benAnswer =
                        CompletableFuture.supplyAsync(() -> ben.socket.request(benInvite.toString(), WAIT));
                JsonObject a = annaAnswer.join();
                JsonObject b = benAnswer.join();
                assertThat(a.getString("type")).as("anna: %s", a).isEqualTo("call");
                assertThat(b.getString("type")).as("ben: %s", b).isEqualTo("call");
                assertThat(id(a)).isEqualTo(id(b));
                long call = id(a);
                JsonObject both =
                        anna.request("call.get", "conversation", conversation).getJsonObject("call");
                assertThat(id(anna.request("call.get", "conversation", conversation)))
                        .isEqualTo(call);
                assertThat(both.getString("state")).isEqualTo("active");
                assertThat(both.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                                .map(x -> x.getString("state"))
                                .toList())
                        .containsExactly("joined", "joined");
                anna.hangup(call);
                ben.nextCall(call, "ended");
            }
        }
    }

    @Test
    void aGroupCallIsJoinedUpToItsLimitLeftAndEndedByTheOwner() {
        Person owner = Person.create(api, "GroupOwner");
        Person pia = Person.create(api, "GroupPia");
        Person quinn = Person.create(api, "GroupQuinn");
        Person rob = Person.create(api, "GroupRob");
        for (Person member : List.of(pia, quinn, rob)) {
            befriend(owner, member);
        }
        long group = owner.createGroup("Call group", pia, quinn, rob);
        long conversation = owner.conversationOfGroup(group);
        Api.expect(200, owner.put("/groups/" + group + "/members/" + rob.id() + "/mute", Json.object("minutes", 10)));
        try (Phone ownerPhone = Phone.of(owner);
                Phone piaPhone = Phone.of(pia);
                Phone quinnPhone = Phone.of(quinn);
                Phone robPhone = Phone.of(rob)) {
            assertThat(code(robPhone.invite(conversation, "video")))
                    .as("muted in the group: may join a call, not ring everyone")
                    .isEqualTo("muted");
            long call = id(ownerPhone.invite(conversation, "video"));
            JsonObject started = robPhone.nextCall(call, "ringing");
            assertThat(started.getBoolean("group")).isTrue();
            assertThat(started.getInt("limit")).isEqualTo(3);

            assertThat(piaPhone.accept(call).getJsonObject("call").getString("state"))
                    .isEqualTo("active");
            // Joining by "calling" works too: the conversation's call is joined, not doubled.
            assertThat(id(quinnPhone.invite(conversation, "voice"))).isEqualTo(call);
            assertThat(code(robPhone.accept(call))).isEqualTo("call_full");

            quinnPhone.hangup(call);
            JsonObject withRob = robPhone.accept(call).getJsonObject("call");
            assertThat(participant(withRob, rob.id()).getBoolean("muted"))
                    .as("muted in the group: joins with the microphone off")
                    .isTrue();
            assertThat(participant(withRob, quinn.id()).getString("state")).isEqualTo("left");
            assertThat(code(piaPhone.request("call.end", "call", call))).isEqualTo("forbidden");
            assertThat(piaPhone.offer(call, rob.id(), "v=0").getString("type")).isEqualTo("ok");
            JsonObject relayed = robPhone.socket.next("call.signal", WAIT);
            assertThat(relayed.getJsonNumber("from").longValue()).isEqualTo(pia.id());
            assertThat(relayed.getString("since"))
                    .as("the join time the call shows for the sender")
                    .isEqualTo(participant(withRob, pia.id()).getString("joinedAt"));

            // Removed from the group: out of its call at once, told so, and no signalling reaches them.
            Api.expect(204, owner.delete("/groups/" + group + "/members/" + pia.id()));
            robPhone.nextCall(
                    call, c -> participant(c, pia.id()).getString("state").equals("left"));
            assertThat(piaPhone.nextCall(
                                    call,
                                    c -> participant(c, pia.id())
                                            .getString("state")
                                            .equals("left"))
                            .getString("state"))
                    .isEqualTo("active");
            assertThat(piaPhone.hangup(call).getString("type"))
                    .as("someone who was in the call may still hang up")
                    .isEqualTo("call");
            assertThat(code(robPhone.offer(call, pia.id(), "v=0"))).isEqualTo("peer_not_in_call");

            JsonObject ended = ownerPhone.request("call.end", "call", call).getJsonObject("call");
            assertThat(ended.getString("state")).isEqualTo("ended");
            assertThat(ended.getString("reason")).isEqualTo("completed");
            assertThat(quinnPhone.nextCall(call, "ended").getString("reason")).isEqualTo("completed");

            // The last one to leave ends a group call.
            long second = id(quinnPhone.invite(conversation, "voice"));
            ownerPhone.accept(second);
            ownerPhone.hangup(second);
            assertThat(quinnPhone.hangup(second).getJsonObject("call").getString("state"))
                    .isEqualTo("ended");
        }
    }

    @Test
    void aVanishedDeviceIsDroppedAfterTheGraceUnlessItsPersonRejoins() {
        Person[] p = friends("Drop");
        Person anna = p[0];
        Person ben = p[1];
        long conversation = anna.conversationWith(ben);
        try (Phone annaPhone = Phone.of(anna)) {
            Phone benPhone = Phone.of(ben);
            long call = id(annaPhone.invite(conversation, "voice"));
            benPhone.accept(call);
            benPhone.request("call.connected", "call", call);
            benPhone.socket.abort();
            JsonObject dropped = annaPhone.nextCall(call, "ended");
            assertThat(dropped.getString("reason")).isEqualTo("dropped");
            assertThat(participant(dropped, ben.id()).getString("state")).isEqualTo("dropped");

            // A network change: Anna's connection vanishes and she is back within the grace.
            Phone benAgain = Phone.of(ben);
            long second = id(benAgain.invite(conversation, "video"));
            Phone annaOld = Phone.of(anna);
            annaOld.nextCall(second, "ringing");
            annaOld.accept(second);
            annaOld.request("call.connected", "call", second);
            // A witness: another call whose device vanishes just after Anna's and never comes back.
            Person[] w = friends("Witness");
            Phone witnessCaller = Phone.of(w[0]);
            Phone witnessCallee = Phone.of(w[1]);
            long witness = id(witnessCaller.invite(w[0].conversationWith(w[1]), "voice"));
            witnessCallee.accept(witness);
            Person annaNext = anna.anotherSession();
            annaOld.socket.abort();
            witnessCallee.socket.abort();
            try (Phone annaNew = Phone.on(annaNext)) {
                // A device that connects is told of its person's call at once.
                JsonObject told = annaNew.nextCall(second, "active");
                String before = participant(told, anna.id()).getString("joinedAt");
                JsonObject rejoined = annaNew.request("call.rejoin", "call", second);
                assertThat(rejoined.containsKey("ice")).isTrue();
                // Ben sees Anna's join time move: his page starts over with her new device.
                benAgain.nextCall(
                        second,
                        c -> !participant(c, anna.id())
                                .getString("joinedAt", "")
                                .equals(before));
                assertThat(annaNew.offer(second, ben.id(), "v=0").getString("type"))
                        .isEqualTo("ok");
                // The witness is dropped: Anna's grace, which began before, has passed too.
                assertThat(witnessCaller.nextCall(witness, "ended").getString("reason"))
                        .isEqualTo("dropped");
                JsonObject current = annaNew.request("call.get", "conversation", conversation);
                assertThat(current.getJsonObject("call").getString("state")).isEqualTo("active");
                annaNew.hangup(second);
            }
            benAgain.close();
            benPhone.close();
            witnessCaller.close();
        }
    }

    @Test
    void refusalsNameTheirRequestAndChangeNothing() throws Exception {
        Person[] p = friends("Bad");
        Person anna = p[0];
        Person ben = p[1];
        Person stranger = Person.create(api, "BadStranger");
        long conversation = anna.conversationWith(ben);
        try (Phone annaPhone = Phone.of(anna);
                Phone benPhone = Phone.of(ben)) {
            assertThat(code(annaPhone.invite(conversation, "hologram"))).isEqualTo("invalid_input");
            assertThat(code(annaPhone.request("call.invite", "conversation", "twelve", "media", "voice")))
                    .isEqualTo("invalid_input");
            assertThat(code(annaPhone.accept(987_654_321L))).isEqualTo("call_not_found");
            try (Phone strangerPhone = Phone.of(stranger)) {
                assertThat(code(strangerPhone.invite(conversation, "voice"))).isEqualTo("forbidden");
            }

            long call = id(annaPhone.invite(conversation, "voice"));
            assertThat(annaPhone.accept(call).getJsonObject("call").getString("state"))
                    .as("the caller's own device: answered as it is, nothing changes")
                    .isEqualTo("ringing");
            assertThat(code(annaPhone.offer(call, ben.id(), "v=0")))
                    .as("no signalling to someone not in the call yet")
                    .isEqualTo("peer_not_in_call");
            benPhone.accept(call);
            assertThat(code(annaPhone.offer(call, ben.id(), "x".repeat(32_001))))
                    .isEqualTo("sdp_too_large");
            var many = jakarta.json.Json.createArrayBuilder();
            for (int i = 0; i < 33; i++) {
                many.add(jakarta.json.Json.createObjectBuilder()
                        .add("candidate", "c" + i)
                        .add("sdpMid", "0"));
            }
            assertThat(code(annaPhone.request(
                            "call.candidates", "call", call, "to", ben.id(), "candidates", many.build())))
                    .isEqualTo("too_many_candidates");
            assertThat(code(annaPhone.request(
                            "call.signal",
                            "call",
                            call,
                            "to",
                            ben.id(),
                            "description",
                            jakarta.json.Json.createObjectBuilder()
                                    .add("type", "pranswer")
                                    .add("sdp", "v=0")
                                    .build())))
                    .isEqualTo("invalid_input");
            assertThat(code(annaPhone.request(
                            "call.media", "call", call, "audio", "yes", "video", false, "screen", false)))
                    .isEqualTo("invalid_input");
            assertThat(benPhone.receivesNothingOf("call.signal")).isTrue();
            annaPhone.hangup(call);

            // Blocked: no call either way, and nothing rings.
            Api.expect(204, ben.put("/blocks/" + anna.id(), null));
            assertThat(code(annaPhone.invite(conversation, "voice"))).isEqualTo("blocked");
            assertThat(code(benPhone.invite(conversation, "voice"))).isEqualTo("blocked");
            assertThat(benPhone.receivesNothingOf("call")).isTrue();
        }
    }

    @Test
    void callsAreCountedForOperators() throws Exception {
        Person[] p = friends("Counted");
        long conversation = p[0].conversationWith(p[1]);
        try (Phone anna = Phone.of(p[0]);
                Phone ben = Phone.of(p[1])) {
            long call = id(anna.invite(conversation, "video"));
            ben.nextCall(call, "ringing");
            String during = scrape();
            assertThat(value(during, "plume_calls_active")).isGreaterThanOrEqualTo(1);
            ben.request("call.decline", "call", call);
        }
        String after = scrape();
        assertThat(value(after, "plume_calls_started_total{kind=\"direct\",media=\"video\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after).containsPattern("plume_calls_ended_total\\{[^}]*reason=\"declined\"[^}]*\\} [1-9]");
        assertThat(after).contains("plume_calls_duration_seconds_count");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + "/metrics"))
                                .header("Authorization", "Bearer metrics-token-for-tests")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample whose line starts with {@code prefix}. */
    private static double value(String exposition, String prefix) {
        return exposition
                .lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static JsonObject participant(JsonObject call, long user) {
        return call.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getJsonNumber("user").longValue() == user)
                .findFirst()
                .orElseThrow(() -> new AssertionError("user " + user + " not in " + call));
    }

    private static JsonObject callEntry(Person reader, long conversation) {
        List<JsonObject> calls = reader.history(conversation, 0).stream()
                .filter(m -> m.getString("kind").equals("call"))
                .toList();
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static long unread(Person reader, long conversation) {
        return ok(200, reader.get("/conversations/" + conversation))
                .getJsonNumber("unread")
                .longValue();
    }

    /** The TURN credential is coturn's: "expiry:user" and the HMAC-SHA1 of it under the shared secret. */
    private static void assertTurnCredential(JsonObject ice, long user) throws Exception {
        JsonObject turn = ice.getJsonArray("iceServers").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonArray("urls").getString(0).startsWith("turn:"))
                .findFirst()
                .orElseThrow();
        String username = turn.getString("username");
        assertThat(username).endsWith(":" + user);
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(expiry).isGreaterThan(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(turn.getString("credential"))
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
    }
}

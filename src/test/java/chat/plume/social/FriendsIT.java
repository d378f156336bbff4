package chat.plume.social;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.Problems;
import chat.plume.testing.SilentClient;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** Friend requests, friendships, remarks, contact groups and blocks, with live frames to both sides. */
@RunAsClient
class FriendsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aRequestAcceptedMakesBothFriendsAndBothSessionsHearOfIt() {
        Person alice = Person.create(api, "Alice");
        Person bob = Person.create(api, "Bob");
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect()) {
            JsonObject sent =
                    ok(201, alice.post("/friend-requests", Json.object("userId", bob.id(), "message", "我是爱丽丝")));
            assertThat(sent.getString("status")).isEqualTo("pending");

            JsonObject received =
                    bobWs.next(type("friend.request.created"), WAIT).getJsonObject("request");
            assertThat(received.getJsonObject("from").getString("username")).isEqualTo(alice.username());
            assertThat(received.getString("message")).isEqualTo("我是爱丽丝");
            aliceWs.next(type("friend.request.created"), WAIT);
            assertThat(ok(200, bob.get("/friend-requests")).getJsonArray("incoming"))
                    .hasSize(1);

            long requestId = sent.getJsonNumber("id").longValue();
            assertThat(ok(200, bob.post("/friend-requests/" + requestId + "/accept", null))
                            .getString("status"))
                    .isEqualTo("accepted");

            // Pushes arrive in the order the transaction made them: the friendship, then the request's outcome.
            assertThat(aliceWs.next(type("friend.added"), WAIT)
                            .getJsonObject("friend")
                            .getJsonObject("user")
                            .getString("username"))
                    .isEqualTo(bob.username());
            JsonObject bobsNewFriend = bobWs.next(type("friend.added"), WAIT).getJsonObject("friend");
            assertThat(bobsNewFriend.getJsonObject("user").getString("username"))
                    .isEqualTo(alice.username());
            assertThat(bobsNewFriend.getBoolean("online")).isTrue();
            for (WsClient ws : List.of(aliceWs, bobWs)) {
                ws.next(type("friend.request.accepted"), WAIT);
            }

            assertThat(friendIds(alice)).containsExactly(bob.id());
            assertThat(friendIds(bob)).containsExactly(alice.id());
            assertThat(ok(200, bob.get("/friend-requests")).getJsonArray("incoming"))
                    .isEmpty();
        }
    }

    @Test
    void theFriendListComesInPagesLinkedByTheirNextAddress() {
        Person host = Person.create(api, "Pager");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person friend = Person.create(api, "Paged");
            Person.befriend(host, friend);
            expected.add(friend.id());
        }
        HttpResponse<String> first = Api.expect(200, host.get("/friends?limit=2"));
        String next = first.headers().firstValue("Link").orElseThrow();
        assertThat(next).contains("rel=\"next\"").contains("after=" + expected.get(1));
        String path = next.substring(next.indexOf("/friends"), next.indexOf('>'));
        HttpResponse<String> second = Api.expect(200, host.get(path));
        assertThat(second.headers().firstValue("Link")).isEmpty();
        List<Long> seen = new ArrayList<>();
        for (HttpResponse<String> page : List.of(first, second)) {
            Json.parseArray(page.body())
                    .forEach(f -> seen.add(f.asJsonObject()
                            .getJsonObject("user")
                            .getJsonNumber("id")
                            .longValue()));
        }
        assertThat(seen).isEqualTo(expected);
        for (String bad : List.of("limit=0", "limit=1001", "after=-1", "after=x", "limit=2.5")) {
            Problems.assertProblem(host.get("/friends?" + bad), 400, "invalid_input");
        }
    }

    @Test
    void friendsSeeEachOthersPresenceLive() {
        Person erin = Person.create(api, "Erin");
        Person frank = Person.create(api, "Frank");
        befriend(erin, frank);
        try (WsClient frankWs = frank.connect()) {
            WsClient erinWs = erin.connect();
            frankWs.next(presence(erin, "online"), WAIT);
            erinWs.close();
            frankWs.next(presence(erin, "offline"), WAIT);
        }
    }

    /**
     * A sign-out closes its connections after its transaction has committed; presence must
     * still follow (it used to query the database inside that completion, failed, and friends
     * saw the person online for good).
     */
    @Test
    void aFriendWhoSignsOutGoesOfflineForTheirFriends() {
        Person gina = Person.create(api, "Gina");
        Person hal = Person.create(api, "Hal");
        befriend(gina, hal);
        try (WsClient halWs = hal.connect()) {
            WsClient ginaWs = gina.connect();
            halWs.next(presence(gina, "online"), WAIT);
            Api.expect(204, gina.delete("/sessions/current"));
            assertThat(ginaWs.awaitClose(WAIT)).isEqualTo(new WsClient.Closed(1008, "signed_out"));
            halWs.next(presence(gina, "offline"), WAIT);
        }
    }

    @Test
    void aPasswordChangeTakesTheOtherDevicesOfflineForFriends() {
        Person ivy = Person.create(api, "Ivy");
        Person jon = Person.create(api, "Jon");
        befriend(ivy, jon);
        String password = "pass-" + ivy.username();
        String laptop = api.token(ivy.username(), password);
        try (WsClient jonWs = jon.connect()) {
            WsClient laptopWs = WsClient.connect(api.base(), laptop);
            jonWs.next(presence(ivy, "online"), WAIT);
            // Changed from a session that has no connection: the laptop's is the only one.
            Api.expect(
                    204,
                    ivy.put(
                            "/me/password",
                            Json.object("currentPassword", password, "newPassword", "a brand new password")));
            assertThat(laptopWs.awaitClose(WAIT)).isEqualTo(new WsClient.Closed(1008, "signed_out"));
            jonWs.next(presence(ivy, "offline"), WAIT);
        }
    }

    @Test
    void aFriendWhoseOnlyConnectionVanishesGoesOfflineWithinTheTimeout() throws Exception {
        Person quinn = Person.create(api, "Quinn");
        Person rosa = Person.create(api, "Rosa");
        befriend(quinn, rosa);
        try (WsClient rosaWs = rosa.connect()) {
            try (SilentClient silent = SilentClient.open(api.base(), quinn.token())) {
                rosaWs.next(presence(quinn, "online"), WAIT);
                // Quinn's machine stops answering: the 3 s heartbeat timeout takes Quinn offline.
                rosaWs.next(presence(quinn, "offline"), WAIT);
            }
        }
    }

    @Test
    void declineCancelAndTheRulesOfAsking() {
        Person carol = Person.create(api, "Carol");
        Person dave = Person.create(api, "Dave");
        Person stranger = Person.create(api, "Stranger");

        Problems.assertProblem(carol.post("/friend-requests", Json.object("userId", carol.id())), 400, "self_request");
        Problems.assertProblem(
                carol.post("/friend-requests", Json.object("userId", 999_999_999L)), 404, "user_not_found");
        Problems.assertProblem(carol.post("/friend-requests", Json.object("message", "hi")), 400, "invalid_input");
        Problems.assertProblem(
                carol.post("/friend-requests", Json.object("userId", dave.id(), "message", "x".repeat(101))),
                400,
                "invalid_input");

        long first = ok(201, carol.post("/friend-requests", Json.object("userId", dave.id())))
                .getJsonNumber("id")
                .longValue();
        Problems.assertProblem(
                carol.post("/friend-requests", Json.object("userId", dave.id())), 409, "request_pending");
        Problems.assertProblem(carol.post("/friend-requests/" + first + "/accept", null), 403, "not_recipient");
        Problems.assertProblem(dave.delete("/friend-requests/" + first), 403, "not_requester");
        Problems.assertProblem(stranger.post("/friend-requests/" + first + "/accept", null), 404, "request_not_found");
        Problems.assertProblem(stranger.delete("/friend-requests/" + first), 404, "request_not_found");

        ok(200, dave.post("/friend-requests/" + first + "/decline", null));
        Problems.assertProblem(dave.post("/friend-requests/" + first + "/accept", null), 409, "request_not_pending");
        // Declined: Carol must wait out the cool-down before asking Dave again.
        Problems.assertProblem(
                carol.post("/friend-requests", Json.object("userId", dave.id())), 429, "request_cooldown");
        assertThat(friendIds(carol)).isEmpty();

        // The other way round is Dave's own first request, and Carol may cancel hers to others.
        long toStranger = ok(201, carol.post("/friend-requests", Json.object("userId", stranger.id())))
                .getJsonNumber("id")
                .longValue();
        Api.expect(204, carol.delete("/friend-requests/" + toStranger));
        Problems.assertProblem(
                stranger.post("/friend-requests/" + toStranger + "/accept", null), 409, "request_not_pending");
    }

    @Test
    void askingSomeoneWhoAlreadyAskedYouAcceptsTheirRequest() {
        Person gina = Person.create(api, "Gina");
        Person hank = Person.create(api, "Hank");
        ok(201, gina.post("/friend-requests", Json.object("userId", hank.id())));
        assertThat(ok(201, hank.post("/friend-requests", Json.object("userId", gina.id())))
                        .getString("status"))
                .isEqualTo("accepted");
        assertThat(friendIds(gina)).containsExactly(hank.id());
        Problems.assertProblem(gina.post("/friend-requests", Json.object("userId", hank.id())), 409, "already_friends");
    }

    @Test
    void remarksAndContactGroupsAreTheirOwnersAlone() {
        Person ivy = Person.create(api, "Ivy");
        Person jack = Person.create(api, "Jack");
        befriend(ivy, jack);

        long work = ok(201, ivy.post("/contact-groups", Json.object("name", "同事")))
                .getJsonNumber("id")
                .longValue();
        Problems.assertProblem(ivy.post("/contact-groups", Json.object("name", "同事")), 409, "contact_group_exists");
        JsonObject updated =
                ok(200, ivy.put("/friends/" + jack.id(), Json.object("remark", "杰克", "contactGroupId", work)));
        assertThat(updated.getString("remark")).isEqualTo("杰克");
        assertThat(updated.getJsonNumber("contactGroupId").longValue()).isEqualTo(work);

        JsonObject ivyAsSeenByJack = okArray(200, jack.get("/friends")).getJsonObject(0);
        assertThat(ivyAsSeenByJack.containsKey("remark")).isFalse();
        assertThat(okArray(200, jack.get("/contact-groups")).stream()
                        .map(JsonValue::asJsonObject)
                        .noneMatch(g -> "同事".equals(g.getString("name", null))))
                .isTrue();
        assertThat(ivyAsSeenByJack.getJsonNumber("contactGroupId").longValue()).isEqualTo(defaultGroup(jack));

        // Someone else's group does not exist for Jack.
        Problems.assertProblem(
                jack.put("/contact-groups/" + work, Json.object("name", "mine")), 404, "contact_group_not_found");
        Problems.assertProblem(jack.delete("/contact-groups/" + work), 404, "contact_group_not_found");
        Problems.assertProblem(
                jack.put("/friends/" + ivy.id(), Json.object("contactGroupId", work)), 404, "contact_group_not_found");
        Problems.assertProblem(jack.put("/friends/" + jack.id(), Json.object("remark", "me")), 404, "friend_not_found");

        // Deleting a group moves its friends to the default group; the default group stays.
        Api.expect(204, ivy.delete("/contact-groups/" + work));
        assertThat(okArray(200, ivy.get("/friends"))
                        .getJsonObject(0)
                        .getJsonNumber("contactGroupId")
                        .longValue())
                .isEqualTo(defaultGroup(ivy));
        Problems.assertProblem(ivy.delete("/contact-groups/" + defaultGroup(ivy)), 400, "default_group");
        Problems.assertProblem(ivy.post("/contact-groups", Json.object("name", "x".repeat(33))), 400, "invalid_input");
    }

    @Test
    void deletingAFriendEndsItForBothAndBothAreTold() {
        Person kim = Person.create(api, "Kim");
        Person leo = Person.create(api, "Leo");
        befriend(kim, leo);
        try (WsClient leoWs = leo.connect()) {
            Api.expect(204, kim.delete("/friends/" + leo.id()));
            assertThat(leoWs.next(type("friend.removed"), WAIT)
                            .getJsonNumber("user")
                            .longValue())
                    .isEqualTo(kim.id());
        }
        assertThat(friendIds(kim)).isEmpty();
        assertThat(friendIds(leo)).isEmpty();
        Problems.assertProblem(kim.delete("/friends/" + leo.id()), 404, "friend_not_found");
    }

    @Test
    void aBlockEndsTheFriendshipAndStopsRequestsAndPresence() {
        Person mia = Person.create(api, "Mia");
        Person ned = Person.create(api, "Ned");
        Person olga = Person.create(api, "Olga");
        befriend(mia, ned);
        befriend(mia, olga);
        try (WsClient nedWs = ned.connect();
                WsClient olgaWs = olga.connect()) {
            Api.expect(204, mia.put("/blocks/" + ned.id(), null));
            nedWs.next(type("friend.removed"), WAIT);
            assertThat(friendIds(ned)).isEmpty();
            assertThat(Json.parseArray(Api.expect(200, mia.get("/blocks")).body()))
                    .hasSize(1);

            Problems.assertProblem(ned.post("/friend-requests", Json.object("userId", mia.id())), 403, "blocked");
            Problems.assertProblem(mia.post("/friend-requests", Json.object("userId", ned.id())), 403, "blocked");
            Problems.assertProblem(mia.put("/blocks/" + mia.id(), null), 400, "self_block");

            try (WsClient miaWs = mia.connect()) {
                // Olga, a friend, sees Mia come online; Ned, blocked, does not: his next frame is his own pong.
                olgaWs.next(presence(mia, "online"), WAIT);
                nedWs.send(Json.object("type", "ping", "id", "after"));
                assertThat(nedWs.next(f -> !"devices".equals(f.getString("type")), WAIT)
                                .getString("type"))
                        .isEqualTo("pong");

                Api.expect(204, mia.delete("/blocks/" + ned.id()));
                assertThat(miaWs.next(type("block.removed"), WAIT)
                                .getJsonNumber("user")
                                .longValue())
                        .isEqualTo(ned.id());
            }
            ok(201, ned.post("/friend-requests", Json.object("userId", mia.id())));
        }
    }

    static List<Long> friendIds(Person person) {
        return okArray(200, person.get("/friends")).stream()
                .map(f -> f.asJsonObject()
                        .getJsonObject("user")
                        .getJsonNumber("id")
                        .longValue())
                .toList();
    }

    static long defaultGroup(Person person) {
        return Json.parseArray(Api.expect(200, person.get("/contact-groups")).body())
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(g -> g.getBoolean("isDefault"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type", null));
    }

    static Predicate<JsonObject> presence(Person who, String status) {
        return f -> "presence".equals(f.getString("type", null))
                && f.getJsonNumber("user").longValue() == who.id()
                && status.equals(f.getString("status"));
    }
}

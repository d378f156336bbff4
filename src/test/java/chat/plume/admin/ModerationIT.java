package chat.plume.admin;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** An administrator moderating people through the API, and what the moderated person sees. */
@RunAsClient
class ModerationIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aBanClosesTheirPagesAtOnceRefusesSignInAndIsAuditedWithItsReason() {
        Person admin = Person.admin(api);
        Person spammer = Person.create(api, "Spam");
        try (WsClient page = spammer.connect()) {
            JsonObject record = ok(
                    200,
                    admin.post(
                            "/admin/people/" + spammer.id() + "/ban",
                            Json.object("reason", "Sells fake 发票 in every group")));
            assertThat(record.getJsonObject("account").getBoolean("banned")).isTrue();
            assertThat(record.getJsonObject("account").getBoolean("bannedPermanently"))
                    .isTrue();
            assertThat(record.getJsonObject("account").getJsonArray("devices")).isEmpty();

            WsClient.Closed closed = page.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("banned");
        }
        // The old session is gone; the right password gets a clear refusal, a wrong one the usual 401.
        assertProblem(spammer.get("/me"), 401, "unauthenticated");
        assertProblem(
                api.send(
                        "POST",
                        "/sessions",
                        Json.object("username", spammer.username(), "password", "pass-" + spammer.username()),
                        null),
                403,
                "account_banned");
        assertProblem(
                api.send(
                        "POST",
                        "/sessions",
                        Json.object("username", spammer.username(), "password", "wrong-password"),
                        null),
                401,
                "invalid_credentials");

        JsonObject row = okArray(200, admin.get("/admin/audit?targetKind=account&target=" + spammer.id()))
                .getJsonObject(0);
        assertThat(row.getString("action")).isEqualTo("account.ban");
        assertThat(row.getString("reason")).isEqualTo("Sells fake 发票 in every group");
        assertThat(row.getString("actorName")).isEqualTo("plume_admin");
        assertThat(row.getString("detail")).isEqualTo("permanent");
        assertThat(row.getString("clientAddress")).isNotBlank();
        assertThat(ok(200, admin.post("/admin/audit/verify", null)).getBoolean("intact"))
                .isTrue();

        ok(200, admin.post("/admin/people/" + spammer.id() + "/unban", Json.object("reason", "Appeal accepted")));
        assertThat(api.token(spammer.username(), "pass-" + spammer.username())).isNotBlank();
    }

    @Test
    void aTimedBanKeepsItsEndAndShowsInTheList() {
        Person admin = Person.admin(api);
        Person someone = Person.create(api, "Timed");
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonObject account = ok(
                        200,
                        admin.post(
                                "/admin/people/" + someone.id() + "/ban",
                                Json.object("reason", "cool down", "until", until.toString())))
                .getJsonObject("account");
        assertThat(account.getBoolean("bannedPermanently")).isFalse();
        assertThat(Instant.parse(account.getString("bannedUntil"))).isEqualTo(until);
        assertThat(ok(200, admin.get("/admin/people?q=" + someone.username()))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getBoolean("banned"))
                .isTrue();
    }

    @Test
    void aMutedPersonReadsButCannotSendAnywhereUntilUnmuted() {
        Person admin = Person.admin(api);
        Person loud = Person.create(api, "Loud");
        Person friend = Person.create(api, "Friend");
        befriend(loud, friend);
        long conversation = loud.conversationWith(friend);
        assertThat(loud.sendText(conversation, "before-mute", "hi").getString("type"))
                .isEqualTo("ack");

        String until = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        ok(200, admin.post("/admin/people/" + loud.id() + "/mute", Json.object("reason", "flooding", "until", until)));
        JsonObject refused = loud.sendText(conversation, "while-muted", "still here");
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("account_muted");
        // Nor can an earlier message be edited into something else meanwhile.
        try (WsClient page = loud.connect()) {
            JsonObject edit = page.request(
                    Json.object(
                            "type",
                            "edit",
                            "id",
                            "e1",
                            "conversation",
                            conversation,
                            "seq",
                            1,
                            "body",
                            "edited while muted"),
                    WAIT);
            assertThat(edit.getString("code", null)).isEqualTo("account_muted");
        }
        // Reading goes on.
        assertThat(loud.history(conversation, 0)).hasSize(1);

        ok(200, admin.post("/admin/people/" + loud.id() + "/unmute", Json.object("reason", "calmer now")));
        assertThat(loud.sendText(conversation, "after-mute", "sorry").getString("type"))
                .isEqualTo("ack");
        assertThat(friend.history(conversation, 0))
                .extracting(m -> m.getString("clientMessageId"))
                .containsExactly("before-mute", "after-mute");
    }

    @Test
    void forceSignOutEndsOneSessionOrAll() {
        Person admin = Person.admin(api);
        Person phone = Person.create(api, "Devices");
        Person laptop = phone.anotherSession();
        JsonObject record = ok(200, admin.get("/admin/people/" + phone.id()));
        List<JsonObject> devices =
                record.getJsonObject("account").getJsonArray("devices").getValuesAs(JsonObject.class);
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).getString("clientAddress")).isNotBlank();
        // The laptop signed in last: its session has the higher id.
        long laptopSession = devices.stream()
                .map(d -> d.getJsonNumber("id").longValue())
                .max(Long::compare)
                .orElseThrow();
        try (WsClient laptopPage = laptop.connect()) {
            ok(
                    200,
                    admin.post(
                            "/admin/people/" + phone.id() + "/sign-out",
                            Json.object("reason", "lost laptop", "sessionId", laptopSession)));
            assertThat(laptopPage.awaitClose(WAIT).reason()).isEqualTo("signed_out");
        }
        assertProblem(laptop.get("/me"), 401, "unauthenticated");
        ok(200, phone.get("/me"));
        assertProblem(
                admin.post(
                        "/admin/people/" + phone.id() + "/sign-out",
                        Json.object("reason", "again", "sessionId", laptopSession)),
                404,
                "session_not_found");

        ok(200, admin.post("/admin/people/" + phone.id() + "/sign-out", Json.object("reason", "account taken over")));
        assertProblem(phone.get("/me"), 401, "unauthenticated");
    }

    @Test
    void administratorsAreMadeAndUnmadeButNeverActOnThemselves() {
        Person admin = Person.admin(api);
        Person helper = Person.create(api, "Helper");
        assertProblem(helper.get("/admin/people"), 403, "admin_only");
        ok(
                200,
                admin.put(
                        "/admin/people/" + helper.id() + "/role",
                        Json.object("reason", "new moderator", "role", "admin")));
        // The role counts from the next request on; the console wants a second factor too.
        assertProblem(helper.get("/admin/people"), 403, "second_factor_required");
        helper.enrolTwoFactor();
        ok(200, helper.get("/admin/people"));
        for (String action : List.of("ban", "mute", "unban", "sign-out")) {
            assertProblem(
                    helper.post(
                            "/admin/people/" + helper.id() + "/" + action,
                            Json.object(
                                    "reason",
                                    "me",
                                    "until",
                                    Instant.now().plusSeconds(3600).toString())),
                    403,
                    "cannot_moderate_self");
        }
        assertProblem(
                helper.put("/admin/people/" + helper.id() + "/role", Json.object("reason", "me", "role", "user")),
                403,
                "cannot_moderate_self");
        ok(
                200,
                admin.put(
                        "/admin/people/" + helper.id() + "/role",
                        Json.object("reason", "stepped down", "role", "user")));
        assertProblem(helper.get("/admin/people"), 403, "admin_only");
    }

    @Test
    void everyActionNeedsAReasonAndSaneTimes() {
        Person admin = Person.admin(api);
        Person someone = Person.create(api, "Input");
        String base = "/admin/people/" + someone.id();
        assertProblem(admin.post(base + "/ban", "{}"), 400, "invalid_input", "reason");
        assertProblem(admin.post(base + "/ban", Json.object("reason", "   ")), 400, "invalid_input", "reason");
        assertProblem(
                admin.post(base + "/ban", Json.object("reason", "x".repeat(501))), 400, "invalid_input", "reason");
        assertProblem(
                admin.post(base + "/ban", Json.object("reason", "past", "until", "2020-01-01T00:00:00Z")),
                400,
                "invalid_input",
                "until");
        assertProblem(
                admin.post(base + "/ban", Json.object("reason", "garbled", "until", "tomorrow")),
                400,
                "malformed_request");
        assertProblem(admin.post(base + "/mute", Json.object("reason", "no end")), 400, "invalid_input", "until");
        assertProblem(
                admin.put(base + "/role", Json.object("reason", "r", "role", "root")), 400, "invalid_input", "role");
        assertProblem(admin.put(base + "/role", Json.object("reason", "r")), 400, "invalid_input", "role");
        assertProblem(admin.post("/admin/people/999999999/ban", Json.object("reason", "ghost")), 404, "user_not_found");
        assertProblem(admin.get("/admin/people?size=500"), 400, "invalid_input", "size");
        assertProblem(admin.get("/admin/audit?from=yesterday"), 400, "invalid_input", "from");
        assertProblem(admin.get("/admin/audit?limit=0"), 400, "invalid_input", "limit");
        // Nothing refused was recorded.
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=account&target=" + someone.id())))
                .isEmpty();
    }

    @Test
    void theAuditLogIsFilteredPagedAndExportedWithoutFormulas() {
        Person admin = Person.admin(api);
        Person target = Person.create(api, "Csv");
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        for (int i = 0; i < 3; i++) {
            ok(
                    200,
                    admin.post(
                            "/admin/people/" + target.id() + "/mute",
                            Json.object(
                                    "reason",
                                    i == 0 ? formula : "round " + i,
                                    "until",
                                    Instant.now().plusSeconds(600).toString())));
        }
        String filter = "targetKind=account&target=" + target.id();
        var first = admin.get("/admin/audit?" + filter + "&limit=2");
        List<JsonObject> page = Json.parseArray(Api.expect(200, first).body()).getValuesAs(JsonObject.class);
        assertThat(page).extracting(r -> r.getString("reason")).containsExactly("round 2", "round 1");
        String next = first.headers().firstValue("Link").orElseThrow();
        assertThat(next)
                .contains("after=" + page.get(1).getJsonNumber("position").longValue());
        List<JsonObject> rest = okArray(
                        200,
                        admin.get("/admin/audit?" + filter + "&limit=2&after="
                                + page.get(1).getJsonNumber("position").longValue()))
                .getValuesAs(JsonObject.class);
        assertThat(rest).extracting(r -> r.getString("reason")).containsExactly(formula);
        assertThat(okArray(200, admin.get("/admin/audit?action=account.&actor=" + admin.id() + "&" + filter)))
                .hasSize(3);
        assertThat(okArray(200, admin.get("/admin/audit?action=account.ban&" + filter)))
                .isEmpty();

        var csv = Api.expect(200, admin.get("/admin/audit/export?" + filter));
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(csv.body()).doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aBanRacingTheirSendsLosesNothingAcknowledgedAndAcceptsNothingAfter() {
        Person admin = Person.admin(api);
        Person spammer = Person.create(api, "Racer");
        Person friend = Person.create(api, "Victim");
        befriend(spammer, friend);
        long conversation = spammer.conversationWith(friend);
        Set<String> acked = new HashSet<>();
        int sent = 0;
        try (WsClient page = spammer.connect()) {
            // Sends in flight while the ban lands: the first acks prove the stream is going.
            for (; sent < 40; sent++) {
                page.send(sendFrame(conversation, sent));
            }
            page.next("ack", WAIT);
            ok(200, admin.post("/admin/people/" + spammer.id() + "/ban", Json.object("reason", "spam run")));
            int storedAtBan =
                    ok(200, admin.get("/admin/people/" + spammer.id())).getInt("messagesSent");
            // Whatever the socket still takes in before it closes is refused.
            while (!page.isClosed() && sent < 100) {
                page.trySendPart(sendFrame(conversation, sent++), true);
            }
            page.awaitClose(WAIT);
            page.received().stream()
                    .filter(f -> "ack".equals(f.getString("type", null)))
                    .forEach(f -> acked.add(f.getString("clientMessageId")));

            Set<String> stored = friend.history(conversation, 0).stream()
                    .map(m -> m.getString("clientMessageId"))
                    .collect(Collectors.toSet());
            assertThat(stored).as("every acknowledged message is kept").containsAll(acked);
            assertThat(stored).as("nothing stored after the ban answered").hasSize(storedAtBan);
            assertThat(ok(200, admin.get("/admin/people/" + spammer.id())).getInt("messagesSent"))
                    .isEqualTo(storedAtBan);
        }
    }

    private static String sendFrame(long conversation, int n) {
        return Json.object(
                "type",
                "send",
                "id",
                "r" + n,
                "conversation",
                conversation,
                "clientMessageId",
                "race-" + n,
                "body",
                "buy now " + n);
    }
}

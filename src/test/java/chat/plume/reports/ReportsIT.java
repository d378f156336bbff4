package chat.plume.reports;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Reports from filing to decision: only what the reporter can read can be reported, twice is
 * once, the evidence is a copy that a later edit or recall cannot change, one decision closes
 * every report of the same thing and tells each reporter (nothing more), and it is audited.
 */
@RunAsClient
class ReportsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aReportedMessageIsKeptAsItWasAndRecallingItReachesEveryoneAndTellsTheReporters() {
        Person admin = Person.admin(api);
        Person troll = Person.create(api, "Troll");
        Person anna = Person.create(api, "Anna");
        Person ben = Person.create(api, "Ben");
        befriend(troll, anna);
        befriend(troll, ben);
        long group = troll.conversationOfGroup(troll.createGroup("book club", anna, ben));
        anna.sendText(group, "r-before", "anyone read the new one?");
        JsonObject bad = troll.sendText(group, "r-bad", "you are all idiots");
        long seq = bad.getJsonNumber("seq").longValue();
        anna.sendText(group, "r-after", "that was rude");

        JsonObject filed = ok(201, anna.post("/reports", report(group, seq, "harassment", "insults everyone")));
        long id = filed.getJsonNumber("id").longValue();
        assertThat(filed.getString("status")).isEqualTo("open");
        // The same report again: the one already open, not a second.
        assertThat(ok(200, anna.post("/reports", report(group, seq, "spam", null)))
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(id);
        long bens = ok(201, ben.post("/reports", report(group, seq, "hate", null)))
                .getJsonNumber("id")
                .longValue();

        // Edited after the report: the evidence keeps what was reported.
        try (WsClient trollPage = troll.connect()) {
            JsonObject edited = trollPage.request(
                    Json.object("type", "edit", "id", "e1", "conversation", group, "seq", seq, "body", "hello all"),
                    WAIT);
            assertThat(edited.getString("type")).isNotEqualTo("error");
        }
        JsonObject detail = ok(200, admin.get("/admin/reports/" + id));
        List<JsonObject> evidence = detail.getJsonArray("evidence").getValuesAs(JsonObject.class);
        assertThat(evidence)
                .filteredOn(line -> line.getBoolean("reported"))
                .singleElement()
                .satisfies(line -> assertThat(line.getString("body")).isEqualTo("you are all idiots"));
        assertThat(evidence)
                .extracting(line -> line.getString("body", null))
                .contains("anyone read the new one?", "that was rude");
        assertThat(detail.getJsonNumber("openReportsOfSubject").longValue()).isEqualTo(2);
        assertThat(detail.getJsonObject("report").getString("note")).isEqualTo("insults everyone");
        assertThat(ok(200, admin.get("/admin/reports?status=open&size=50"))
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonNumber("id").longValue())
                .contains(id, bens);

        try (WsClient annaPage = anna.connect();
                WsClient benPage = ben.connect()) {
            JsonObject after = ok(
                    200,
                    admin.post(
                            "/admin/reports/" + id + "/resolve",
                            Json.object("action", "recall", "reason", "Report #" + id + ": harassment")));
            assertThat(after.getJsonObject("report").getString("status")).isEqualTo("resolved");
            assertThat(after.getJsonObject("report").getString("outcome")).isEqualTo("recall");
            // Each reporter is told it was handled, and nothing about how (in the decision's
            // transaction, before the recall it makes: pushes go out in the order they were made).
            assertThat(annaPage.next("report.handled", WAIT)
                            .getJsonNumber("report")
                            .longValue())
                    .isEqualTo(id);
            JsonObject told = benPage.next("report.handled", WAIT);
            assertThat(told.getJsonNumber("report").longValue()).isEqualTo(bens);
            // The recall reaches every participant, live.
            for (WsClient page : List.of(annaPage, benPage)) {
                JsonObject update = page.next("message.updated", WAIT).getJsonObject("message");
                assertThat(update.getJsonNumber("seq").longValue()).isEqualTo(seq);
                assertThat(update.getBoolean("recalled")).isTrue();
            }
            assertThat(told.keySet()).containsExactlyInAnyOrder("type", "report");
        }
        // Ben's report of the same message was closed by the same decision.
        assertThat(ok(200, admin.get("/admin/reports/" + bens))
                        .getJsonObject("report")
                        .getString("status"))
                .isEqualTo("resolved");
        JsonObject mine = ok(200, ben.get("/reports")).getJsonArray("items").getJsonObject(0);
        assertThat(mine.getString("status")).isEqualTo("handled");
        assertThat(mine.containsKey("outcome")).isFalse();
        // Deciding again: someone decided first.
        assertProblem(
                admin.post("/admin/reports/" + id + "/resolve", Json.object("action", "dismiss", "reason", "late")),
                409,
                "report_resolved");
        JsonObject row = okArray(200, admin.get("/admin/audit?action=report.resolve&targetKind=report&target=" + id))
                .getJsonObject(0);
        assertThat(row.getString("reason")).isEqualTo("Report #" + id + ": harassment");
        assertThat(row.getString("detail")).contains("recall", "2 report(s) closed");
        // The recalled message can no longer be reported (there is nothing to see).
        assertProblem(anna.post("/reports", report(group, seq, "spam", null)), 409, "message_recalled");
    }

    @Test
    void aReportedFileStaysWithTheReportWhenItsMessageIsRecalled() {
        Person admin = Person.admin(api);
        Person sender = Person.create(api, "Flyer");
        Person reader = Person.create(api, "Inbox");
        befriend(sender, reader);
        long direct = sender.conversationWith(reader);
        long file = sender.upload(direct, "offer.txt", "win a prize: send your password");
        long seq;
        try (WsClient page = sender.connect()) {
            JsonObject ack = page.request(
                    Json.object(
                            "type",
                            "send",
                            "id",
                            "m1",
                            "conversation",
                            direct,
                            "clientMessageId",
                            "file-1",
                            "media",
                            file),
                    WAIT);
            seq = ack.getJsonNumber("seq").longValue();
            long id = ok(201, reader.post("/reports", report(direct, seq, "spam", null)))
                    .getJsonNumber("id")
                    .longValue();
            // The sender recalls it: the file is gone for the chat, not for the report.
            assertThat(page.request(Json.object("type", "recall", "id", "r1", "conversation", direct, "seq", seq), WAIT)
                            .getString("type"))
                    .isEqualTo("ok");
            assertProblem(reader.get("/media/" + file), 404, "media_not_found");
            JsonObject line = ok(200, admin.get("/admin/reports/" + id))
                    .getJsonArray("evidence")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(l -> l.getBoolean("reported"))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.getBoolean("media")).isTrue();
            assertThat(line.getString("mediaName")).isEqualTo("offer.txt");
            var evidence = admin.get("/admin/reports/" + id + "/evidence/" + seq + "/media");
            assertThat(evidence.statusCode()).isEqualTo(200);
            assertThat(evidence.body()).isEqualTo("win a prize: send your password");
            // Only administrators, and only lines that carried something.
            assertProblem(reader.get("/admin/reports/" + id + "/evidence/" + seq + "/media"), 403, "admin_only");
            assertProblem(
                    admin.get("/admin/reports/" + id + "/evidence/" + (seq + 1) + "/media"), 404, "media_not_found");
        }
    }

    @Test
    void aReportedPersonCanBeMutedFromTheQueueAndTheMuteHolds() {
        Person admin = Person.admin(api);
        Person spammer = Person.create(api, "Pest");
        Person victim = Person.create(api, "Victim");
        befriend(spammer, victim);
        long direct = spammer.conversationWith(victim);
        long id = ok(201, victim.post("/reports", Json.object("person", spammer.id(), "reason", "spam")))
                .getJsonNumber("id")
                .longValue();
        JsonObject detail = ok(200, admin.get("/admin/reports/" + id));
        assertThat(detail.getString("targetSnapshot")).contains("@" + spammer.username());
        assertThat(detail.getJsonArray("evidence")).isEmpty();
        // A mute needs its end; the recall of a person is no action.
        assertProblem(
                admin.post("/admin/reports/" + id + "/resolve", Json.object("action", "recall", "reason", "x")),
                400,
                "invalid_input",
                "action");
        ok(
                200,
                admin.post(
                        "/admin/reports/" + id + "/resolve",
                        Json.object(
                                "action",
                                "mute",
                                "reason",
                                "spam to strangers",
                                "until",
                                Instant.now().plus(Duration.ofHours(2)).toString())));
        JsonObject refused = spammer.sendText(direct, "muted-1", "buy now");
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("account_muted");
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=account&target=" + spammer.id()))
                        .getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action"))
                .contains("account.mute");
    }

    @Test
    void onlyWhatTheReporterCanReadCanBeReportedAndBadInputIsNamed() {
        Person sender = Person.create(api, "Sender");
        Person reader = Person.create(api, "Reader");
        Person outsider = Person.create(api, "Outsider");
        befriend(sender, reader);
        long direct = sender.conversationWith(reader);
        long seq = sender.sendText(direct, "p-1", "hi").getJsonNumber("seq").longValue();

        assertProblem(outsider.post("/reports", report(direct, seq, "spam", null)), 403, "forbidden");
        assertProblem(sender.post("/reports", report(direct, seq, "spam", null)), 400, "not_reportable", "seq");
        assertProblem(reader.post("/reports", report(direct, seq + 50, "spam", null)), 404, "message_not_found");
        assertProblem(reader.post("/reports", report(direct, seq, "boring", null)), 400, "invalid_input", "reason");
        assertProblem(
                reader.post("/reports", report(direct, seq, "spam", "x".repeat(1001))), 400, "invalid_input", "note");
        assertProblem(
                reader.post(
                        "/reports",
                        Json.object("conversation", direct, "seq", seq, "person", sender.id(), "reason", "spam")),
                400,
                "invalid_input",
                "person");
        assertProblem(
                reader.post("/reports", Json.object("conversation", direct, "reason", "spam")), 400, "invalid_input");
        assertProblem(
                reader.post("/reports", Json.object("person", reader.id(), "reason", "spam")), 400, "not_reportable");
        assertProblem(
                reader.post("/reports", Json.object("person", 987_654_321, "reason", "spam")), 404, "user_not_found");
        assertProblem(api.send("POST", "/reports", report(direct, seq, "spam", null), null), 401, "unauthenticated");
        // Someone else's reports are not the caller's to see.
        ok(201, reader.post("/reports", report(direct, seq, "spam", null)));
        assertThat(ok(200, outsider.get("/reports")).getJsonArray("items")).isEmpty();
    }

    private static String report(long conversation, long seq, String reason, String note) {
        return Json.object("conversation", conversation, "seq", seq, "reason", reason, "note", note);
    }
}

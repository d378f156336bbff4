package chat.plume.contract;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.ProtocolDocument;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The frames the server really sends match {@code docs/protocol.md}: a session that touches most
 * of the protocol (friends, presence, devices, messages, receipts, typing, edits, pins, history,
 * sync, groups and their notices, errors) is recorded, and every frame's type must be documented
 * and every top-level field of it too.
 */
@RunAsClient
class ProtocolFramesIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void everyFrameSentIsDocumentedWithItsFields() throws Exception {
        ProtocolDocument document = ProtocolDocument.read();
        Person alice = Person.create(api, "Proto");
        Person bob = Person.create(api, "Proto2");
        try (WsClient aliceWs = alice.connect();
                WsClient bobWs = bob.connect();
                WsClient aliceTab = alice.connect()) {
            Person.befriend(alice, bob);
            long conversation = Person.ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                    .getJsonNumber("id")
                    .longValue();
            JsonObject ack = aliceWs.request(
                    Json.object(
                            "type",
                            "send",
                            "id",
                            "s1",
                            "conversation",
                            conversation,
                            "clientMessageId",
                            "p-1",
                            "body",
                            "hello"),
                    WAIT);
            long seq = ack.getJsonNumber("seq").longValue();
            bobWs.next(f -> "message".equals(f.getString("type", null)), WAIT);
            bobWs.request(Json.object("type", "read", "id", "r1", "conversation", conversation, "seq", seq), WAIT);
            bobWs.request(Json.object("type", "typing", "id", "t1", "conversation", conversation), WAIT);
            aliceWs.request(
                    Json.object("type", "edit", "id", "e1", "conversation", conversation, "seq", seq, "body", "hi"),
                    WAIT);
            aliceWs.request(Json.object("type", "history", "id", "h1", "conversation", conversation, "after", 0), WAIT);
            aliceWs.request(Json.object("type", "sync", "id", "y1"), WAIT);
            aliceWs.request(Json.object("type", "ping", "id", "p1"), WAIT);
            aliceWs.request(Json.object("type", "teleport", "id", "x1"), WAIT);
            Person.ok(200, alice.put("/conversations/" + conversation + "/settings", Json.object("pinned", true)));
            long group = Person.ok(
                            201,
                            alice.post(
                                    "/groups",
                                    "{\"name\":\"协议\",\"joinPolicy\":\"open\",\"memberIds\":[" + bob.id() + "]}"))
                    .getJsonNumber("id")
                    .longValue();
            Person carol = Person.create(api, "Proto3");
            Person.ok(201, carol.post("/groups/" + group + "/join-requests", "{}"));
            Person.ok(200, alice.put("/groups/" + group + "/announcement", Json.object("text", "公告")));
            bobWs.next(f -> "group.announcement".equals(f.getString("type", null)), WAIT);
            aliceWs.next(f -> "group.member.joined".equals(f.getString("type", null)), WAIT);
            // Reports and announcements: what administrators' decisions push to everyone concerned.
            Person admin = Person.admin(api);
            long report = Person.ok(
                            201,
                            bob.post(
                                    "/reports",
                                    Json.object("conversation", conversation, "seq", seq, "reason", "spam")))
                    .getJsonNumber("id")
                    .longValue();
            Person.ok(
                    200,
                    admin.post(
                            "/admin/reports/" + report + "/resolve",
                            Json.object("action", "dismiss", "reason", "not spam")));
            bobWs.next(f -> "report.handled".equals(f.getString("type", null)), WAIT);
            long announcement = Person.ok(201, admin.post("/admin/announcements", Json.object("body", "协议公告")))
                    .getJsonNumber("id")
                    .longValue();
            Person.ok(200, admin.post("/admin/announcements/" + announcement + "/end", null));
            aliceWs.next(f -> "announcement.ended".equals(f.getString("type", null)), WAIT);
            bobWs.request(Json.object("type", "ping", "id", "last"), WAIT);
            aliceWs.request(Json.object("type", "ping", "id", "last"), WAIT);

            List<JsonObject> seen = new ArrayList<>();
            seen.addAll(aliceWs.received());
            seen.addAll(bobWs.received());
            seen.addAll(aliceTab.received());
            Set<String> types = new TreeSet<>();
            for (JsonObject frame : seen) {
                String type = frame.getString("type");
                types.add(type);
                assertThat(document.documents(type))
                        .as("frame type %s is in docs/protocol.md", type)
                        .isTrue();
                assertThat(document.fieldsOf(type))
                        .as("documented fields of %s (frame %s)", type, frame)
                        .containsAll(frame.keySet());
            }
            // The session must have produced a good part of the protocol, or it proves little.
            assertThat(types)
                    .contains(
                            "welcome",
                            "presence",
                            "devices",
                            "friend.request.created",
                            "friend.added",
                            "ack",
                            "message",
                            "read",
                            "ok",
                            "typing",
                            "message.updated",
                            "history",
                            "sync",
                            "pong",
                            "error",
                            "conversation.updated",
                            "group.created",
                            "group.member.joined",
                            "group.announcement");
        }
    }
}

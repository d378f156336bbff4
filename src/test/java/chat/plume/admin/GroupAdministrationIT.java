package chat.plume.admin;

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
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * An administrator acting on a group from outside it: found by name, muted, a member removed,
 * handed to another owner and dissolved with a reason the members are told — each audited.
 */
@RunAsClient
class GroupAdministrationIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anAdministratorMutesRemovesTransfersAndDissolvesAGroupAndItsMembersAreTold() {
        Person admin = Person.admin(api);
        Person owner = Person.create(api, "Owner");
        Person member = Person.create(api, "Member");
        Person spammer = Person.create(api, "Loud");
        befriend(owner, member);
        befriend(owner, spammer);
        String name = "ops-" + owner.username();
        long groupId = owner.createGroup(name, member, spammer);
        long conversation = member.conversationOfGroup(groupId);
        member.sendText(conversation, "g-1", "hello");

        JsonObject found = ok(200, admin.get("/admin/groups?q=" + name));
        assertThat(found.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject row = found.getJsonArray("items").getJsonObject(0);
        assertThat(row.getJsonObject("group").getJsonNumber("members").longValue())
                .isEqualTo(3);
        assertThat(row.getJsonObject("group").getJsonNumber("ownerId").longValue())
                .isEqualTo(owner.id());
        assertThat(row.getJsonNumber("messages").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(ok(200, admin.get("/admin/groups/" + groupId))
                        .getJsonObject("detail")
                        .getJsonArray("members")
                        .getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("role"))
                .containsExactly("owner", "member", "member");

        // Mute all: members may not speak; the owner still may.
        ok(
                200,
                admin.post(
                        "/admin/groups/" + groupId + "/mute-all", Json.object("reason", "flame war", "minutes", 60)));
        assertThat(member.sendText(conversation, "g-2", "but").getString("code"))
                .isEqualTo("muted");
        assertThat(owner.sendText(conversation, "g-3", "calm down").getString("type"))
                .isEqualTo("ack");
        ok(200, admin.post("/admin/groups/" + groupId + "/mute-all", Json.object("reason", "over", "minutes", 0)));

        try (WsClient memberPage = member.connect();
                WsClient spammerPage = spammer.connect()) {
            ok(
                    200,
                    admin.post(
                            "/admin/groups/" + groupId + "/remove-member",
                            Json.object("reason", "spam in the group", "userId", spammer.id())));
            for (WsClient page : List.of(memberPage, spammerPage)) {
                JsonObject removed = page.next("group.member.removed", WAIT);
                assertThat(removed.getJsonNumber("user").longValue()).isEqualTo(spammer.id());
            }
            assertProblem(
                    admin.post(
                            "/admin/groups/" + groupId + "/remove-member",
                            Json.object("reason", "no", "userId", owner.id())),
                    403,
                    "cannot_remove_owner");

            JsonObject transferred = ok(
                    200,
                    admin.post(
                            "/admin/groups/" + groupId + "/transfer",
                            Json.object("reason", "owner asked by mail", "userId", member.id())));
            assertThat(transferred
                            .getJsonObject("detail")
                            .getJsonObject("group")
                            .getJsonNumber("ownerId")
                            .longValue())
                    .isEqualTo(member.id());

            ok(200, admin.post("/admin/groups/" + groupId + "/dissolve", Json.object("reason", "illegal content")));
            JsonObject dissolved = memberPage.next("group.dissolved", WAIT);
            assertThat(dissolved.getJsonNumber("groupId").longValue()).isEqualTo(groupId);
            assertThat(dissolved.getString("reason")).isEqualTo("illegal content");
        }
        assertThat(ok(200, admin.get("/admin/groups?q=" + name))
                        .getJsonNumber("total")
                        .longValue())
                .isZero();
        assertThat(ok(200, admin.get("/admin/groups?dissolved=true&q=" + name))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonObject("group")
                        .containsKey("dissolvedAt"))
                .isTrue();
        assertProblem(
                admin.post("/admin/groups/" + groupId + "/mute-all", Json.object("reason", "late", "minutes", 5)),
                404,
                "group_not_found");
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=group&target=" + groupId))
                        .getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action"))
                .containsExactly(
                        "group.dissolve", "group.transfer", "group.remove_member", "group.mute_all", "group.mute_all");
    }

    @Test
    void groupActionsValidateTheirInput() {
        Person admin = Person.admin(api);
        Person owner = Person.create(api, "Validated");
        Person member = Person.create(api, "Friend");
        befriend(owner, member);
        long groupId = owner.createGroup("checked", member);
        assertProblem(
                admin.post("/admin/groups/" + groupId + "/dissolve", Json.object("reason", "")),
                400,
                "invalid_input",
                "reason");
        assertProblem(
                admin.post("/admin/groups/" + groupId + "/mute-all", Json.object("reason", "x", "minutes", 999_999)),
                400,
                "invalid_input",
                "minutes");
        assertProblem(
                admin.post("/admin/groups/" + groupId + "/mute-all", Json.object("reason", "x")),
                400,
                "invalid_input",
                "minutes");
        assertProblem(
                admin.post("/admin/groups/" + groupId + "/transfer", Json.object("reason", "x", "userId", 987654321)),
                404,
                "member_not_found");
        assertProblem(admin.get("/admin/groups?dissolved=maybe"), 400, "invalid_input");
        assertProblem(admin.get("/admin/groups/987654321"), 404, "group_not_found");
        // Nothing happened, so nothing was audited.
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=group&target=" + groupId)))
                .isEmpty();
    }
}

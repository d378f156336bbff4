package chat.plume.social;

import static chat.plume.social.FriendsIT.type;
import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Chat groups from creation to dissolution, with members told live, and every denial of the
 * group rows of docs/authorization.md. The test server caps groups at 6 members.
 */
@RunAsClient
class GroupsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aGroupFromCreationToDissolutionWithMembersToldLive() {
        Person owner = Person.create(api, "Owner");
        Person anna = Person.create(api, "Anna");
        Person ben = Person.create(api, "Ben");
        Person cai = Person.create(api, "Cai");
        befriend(owner, anna);
        befriend(owner, ben);
        befriend(anna, cai);
        try (WsClient annaWs = anna.connect();
                WsClient benWs = ben.connect();
                WsClient caiWs = cai.connect()) {
            JsonObject group = ok(
                    201,
                    owner.post(
                            "/groups",
                            "{\"name\":\"周末爬山\",\"description\":\"每周六\","
                                    + "\"joinPolicy\":\"approval\",\"memberIds\":[" + anna.id() + "," + ben.id()
                                    + "]}"));
            long id = group.getJsonNumber("id").longValue();
            assertThat(group.getString("myRole")).isEqualTo("owner");
            assertThat(group.getJsonNumber("memberCount").longValue()).isEqualTo(3);
            assertThat(group.getJsonNumber("number").longValue()).isBetween(100_000_000L, 999_999_999L);
            JsonObject annasCopy = annaWs.next(type("group.created"), WAIT).getJsonObject("group");
            assertThat(annasCopy.getString("myRole")).isEqualTo("member");
            benWs.next(type("group.created"), WAIT);

            // The announcement reaches every member.
            ok(200, owner.put("/groups/" + id + "/announcement", Json.object("text", "周六早上八点集合")));
            assertThat(benWs.next(type("group.announcement"), WAIT)
                            .getJsonObject("group")
                            .getString("announcement"))
                    .isEqualTo("周六早上八点集合");

            // Anna (a member) invites her friend Cai: the policy wants approval; the owner approves.
            JsonArray waiting = Json.parseArray(
                    Api.expect(200, anna.post("/groups/" + id + "/members", "{\"userIds\":[" + cai.id() + "]}"))
                            .body());
            assertThat(waiting).hasSize(1);
            long invitation = waiting.getJsonObject(0).getJsonNumber("id").longValue();
            assertThat(Json.parseArray(Api.expect(200, owner.get("/groups/" + id + "/join-requests"))
                            .body()))
                    .hasSize(1);
            ok(200, owner.post("/group-join-requests/" + invitation + "/accept", null));
            JsonObject joined = annaWs.next(type("group.member.joined"), WAIT);
            assertThat(joined.getJsonNumber("user").longValue()).isEqualTo(cai.id());
            assertThat(caiWs.next(type("group.updated"), WAIT)
                            .getJsonObject("group")
                            .getString("myRole"))
                    .isEqualTo("member");

            // Nicknames and roles.
            ok(200, cai.put("/groups/" + id + "/nickname", Json.object("nickname", "小蔡")));
            ok(200, owner.put("/groups/" + id + "/members/" + anna.id() + "/role", Json.object("role", "admin")));
            JsonArray members = Json.parseArray(
                    Api.expect(200, ben.get("/groups/" + id + "/members")).body());
            assertThat(members).hasSize(4);
            assertThat(members.getValuesAs(JsonObject.class)).anySatisfy(m -> {
                assertThat(m.getJsonObject("user").getJsonNumber("id").longValue())
                        .isEqualTo(cai.id());
                assertThat(m.getString("nickname")).isEqualTo("小蔡");
            });
            // A change reaches each member as they see the group (frames are shared by those who
            // see it alike, so each must still get their own role and nickname).
            ok(200, owner.put("/groups/" + id + "/announcement", Json.object("text", "改到九点")));
            Predicate<JsonObject> announced = f -> "group.announcement".equals(f.getString("type"))
                    && "改到九点".equals(f.getJsonObject("group").getString("announcement"));
            JsonObject annaSees = annaWs.next(announced, WAIT).getJsonObject("group");
            JsonObject caiSees = caiWs.next(announced, WAIT).getJsonObject("group");
            JsonObject benSees = benWs.next(announced, WAIT).getJsonObject("group");
            assertThat(annaSees.getString("myRole")).isEqualTo("admin");
            assertThat(caiSees.getString("myRole")).isEqualTo("member");
            assertThat(caiSees.getString("myNickname")).isEqualTo("小蔡");
            assertThat(benSees.getString("myRole")).isEqualTo("member");
            assertThat(!benSees.containsKey("myNickname") || benSees.isNull("myNickname"))
                    .as("Ben has no nickname; Cai's must not reach him")
                    .isTrue();

            // An admin removes a member; the member is told.
            Api.expect(204, anna.delete("/groups/" + id + "/members/" + cai.id()));
            assertThat(caiWs.next(type("group.member.removed"), WAIT)
                            .getJsonNumber("user")
                            .longValue())
                    .isEqualTo(cai.id());
            // Ben leaves.
            Api.expect(204, ben.delete("/groups/" + id + "/members/" + ben.id()));
            annaWs.next(
                    f -> "group.member.left".equals(f.getString("type"))
                            && f.getJsonNumber("user").longValue() == ben.id(),
                    WAIT);

            // The owner hands the group to Anna, and Anna dissolves it.
            JsonObject transferred =
                    ok(200, owner.post("/groups/" + id + "/transfer", Json.object("userId", anna.id())));
            assertThat(transferred.getString("myRole")).isEqualTo("admin");
            Api.expect(204, anna.delete("/groups/" + id));
            assertThat(annaWs.next(type("group.dissolved"), WAIT)
                            .getJsonNumber("groupId")
                            .longValue())
                    .isEqualTo(id);
            assertProblem(owner.get("/groups/" + id), 404, "group_not_found");
            assertThat(Json.parseArray(Api.expect(200, owner.get("/groups")).body()))
                    .isEmpty();
        }
    }

    @Test
    void joinPoliciesDecideHowPeopleGetIn() {
        Person owner = Person.create(api, "Host");
        Person walker = Person.create(api, "Walker");
        Person asker = Person.create(api, "Asker");
        long open = createGroup(owner, "open", List.of());
        long approval = createGroup(owner, "approval", List.of());
        long inviteOnly = createGroup(owner, "invite_only", List.of());

        assertThat(ok(201, walker.post("/groups/" + open + "/join-requests", "{}"))
                        .getString("status"))
                .isEqualTo("accepted");
        assertProblem(walker.post("/groups/" + open + "/join-requests", "{}"), 409, "already_member");
        assertProblem(walker.post("/groups/" + inviteOnly + "/join-requests", "{}"), 403, "invite_only");

        try (WsClient ownerWs = owner.connect();
                WsClient askerWs = asker.connect()) {
            JsonObject asked =
                    ok(201, asker.post("/groups/" + approval + "/join-requests", Json.object("message", "让我进去")));
            assertThat(asked.getString("status")).isEqualTo("created");
            assertThat(ownerWs.next(type("group.join_request.created"), WAIT)
                            .getJsonObject("request")
                            .getString("message"))
                    .isEqualTo("让我进去");
            assertProblem(asker.post("/groups/" + approval + "/join-requests", "{}"), 409, "request_pending");
            long request = asked.getJsonNumber("id").longValue();
            ok(200, owner.post("/group-join-requests/" + request + "/decline", null));
            assertThat(askerWs.next(type("group.join_request.declined"), WAIT)).isNotNull();
            assertProblem(owner.post("/group-join-requests/" + request + "/accept", null), 409, "request_not_pending");

            long again = ok(201, asker.post("/groups/" + approval + "/join-requests", "{}"))
                    .getJsonNumber("id")
                    .longValue();
            ok(200, owner.post("/group-join-requests/" + again + "/accept", null));
            askerWs.next(type("group.join_request.accepted"), WAIT);
            askerWs.next(type("group.member.joined"), WAIT);
        }
    }

    @Test
    void aFullGroupTakesNobodyMore() {
        Person owner = Person.create(api, "Full");
        long group = createGroup(owner, "open", List.of());
        for (int i = 0; i < 5; i++) {
            ok(201, Person.create(api, "Joiner").post("/groups/" + group + "/join-requests", "{}"));
        }
        assertThat(ok(200, owner.get("/groups/" + group))
                        .getJsonNumber("memberCount")
                        .longValue())
                .isEqualTo(6);
        assertProblem(Person.create(api, "Late").post("/groups/" + group + "/join-requests", "{}"), 409, "group_full");
    }

    /** Joins that race each other still stop at the limit (counting and inserting used to interleave). */
    @Test
    void concurrentJoinsNeverOverfillAGroup() throws Exception {
        Person owner = Person.create(api, "Rush");
        long group = createGroup(owner, "open", List.of());
        List<Person> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(Person.create(api, "Rusher"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Person p : crowd) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return p.post("/groups/" + group + "/join-requests", "{}").statusCode();
                }));
            }
            start.countDown();
            int joined = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(201, 409);
                joined += status == 201 ? 1 : 0;
            }
            assertThat(joined).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
        assertThat(ok(200, owner.get("/groups/" + group))
                        .getJsonNumber("memberCount")
                        .longValue())
                .isEqualTo(6);
        assertThat(Json.parseArray(Api.expect(200, owner.get("/groups/" + group + "/members"))
                        .body()))
                .hasSize(6);
    }

    /**
     * The member list comes in pages by account id, followed through the Link header; it can be
     * narrowed to names containing a text (username, display name, group nickname) or to bots.
     */
    @Test
    void membersComeInPagesAndCanBeSearched() {
        Person owner = Person.create(api, "Pager");
        Person bot = owner.createBot("pagebot", "Page bot");
        Person.befriend(owner, bot);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person p = Person.create(api, "Paged");
            befriend(owner, p);
            people.add(p);
        }
        List<Long> everyone = new ArrayList<>(List.of(owner.id(), bot.id()));
        people.forEach(p -> everyone.add(p.id()));
        everyone.sort(null);
        long id = createGroup(
                owner,
                "approval",
                everyone.stream().filter(m -> m != owner.id()).toList());
        ok(200, people.get(2).put("/groups/" + id + "/nickname", Json.object("nickname", "小蔡")));
        String members = "/groups/" + id + "/members";

        List<List<JsonObject>> pages = followPages(people.get(0), members + "?limit=4");
        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(List::stream))
                .extracting(m -> m.getJsonObject("user").getJsonNumber("id").longValue())
                .isEqualTo(everyone);

        assertThat(okArray(200, people.get(0).get(members + "?q=" + URLEncoder.encode("小蔡", StandardCharsets.UTF_8)))
                        .getValuesAs(JsonObject.class))
                .extracting(m -> m.getJsonObject("user").getJsonNumber("id").longValue())
                .containsExactly(people.get(2).id());
        assertThat(okArray(
                                200,
                                people.get(0)
                                        .get(members + "?q="
                                                + people.get(3).username().toUpperCase()))
                        .getValuesAs(JsonObject.class))
                .extracting(m -> m.getJsonObject("user").getJsonNumber("id").longValue())
                .containsExactly(people.get(3).id());
        assertThat(okArray(200, people.get(0).get(members + "?bots=true")).getValuesAs(JsonObject.class))
                .extracting(m -> m.getJsonObject("user").getJsonNumber("id").longValue())
                .containsExactly(bot.id());
        assertThat(okArray(200, people.get(0).get(members + "?q=%25")).getValuesAs(JsonObject.class))
                .isEmpty();

        assertProblem(owner.get(members + "?limit=0"), 400, "invalid_input");
        assertProblem(owner.get(members + "?limit=201"), 400, "invalid_input");
        assertProblem(owner.get(members + "?after=-1"), 400, "invalid_input");
        assertProblem(owner.get(members + "?bots=maybe"), 400, "invalid_input");
        assertProblem(owner.get(members + "?q=" + "x".repeat(33)), 400, "invalid_input");
        assertProblem(owner.get(members + "?q=a%00b"), 400, "invalid_input");
        assertProblem(owner.get("/users?q=a%00b"), 400, "invalid_input");
        // Past the last member: an empty page, and no next.
        var past = Api.expect(200, owner.get(members + "?after=" + everyone.get(everyone.size() - 1)));
        assertThat(Json.parseArray(past.body())).isEmpty();
        assertThat(past.headers().firstValue("Link")).isEmpty();
        // Members only, whatever the filter.
        assertProblem(Person.create(api, "Outside").get(members + "?q=a"), 403, "not_member");
    }

    private static JsonArray okArray(int status, java.net.http.HttpResponse<String> response) {
        return Json.parseArray(Api.expect(status, response).body());
    }

    /** Every group denial in docs/authorization.md, each for the role that must be refused. */
    @Test
    void everyGroupRuleRefusesTheWrongRole() {
        Person owner = Person.create(api, "O");
        Person admin = Person.create(api, "A");
        Person member = Person.create(api, "M");
        Person outsider = Person.create(api, "X");
        Person stranger = Person.create(api, "S");
        befriend(owner, admin);
        befriend(owner, member);
        befriend(member, outsider);
        long id = createGroup(owner, "approval", List.of(admin.id(), member.id()));
        ok(200, owner.put("/groups/" + id + "/members/" + admin.id() + "/role", Json.object("role", "admin")));
        String g = "/groups/" + id;

        // Members only.
        assertProblem(outsider.get(g + "/members"), 403, "not_member");
        assertThat(ok(200, outsider.get(g)).containsKey("announcement")).isFalse();
        assertThat(ok(200, outsider.get(g)).containsKey("myRole")).isFalse();
        assertProblem(outsider.put(g + "/nickname", Json.object("nickname", "x")), 403, "not_member");
        assertProblem(outsider.post(g + "/members", "{\"userIds\":[" + member.id() + "]}"), 403, "not_member");
        assertProblem(outsider.delete(g + "/members/" + outsider.id()), 403, "not_member");
        // Owner and admins only.
        String profile = Json.object("name", "renamed");
        assertProblem(member.put(g, profile), 403, "not_admin");
        assertProblem(outsider.put(g, profile), 403, "not_member");
        assertProblem(member.put(g + "/announcement", Json.object("text", "x")), 403, "not_admin");
        assertProblem(outsider.put(g + "/announcement", Json.object("text", "x")), 403, "not_member");
        assertProblem(member.get(g + "/join-requests"), 403, "not_admin");
        assertProblem(outsider.get(g + "/join-requests"), 403, "not_member");
        assertProblem(outsider.delete(g + "/members/" + member.id()), 403, "not_member");
        assertProblem(member.delete(g + "/members/" + admin.id()), 403, "not_admin");
        // Admins remove members, not admins or the owner.
        assertProblem(admin.delete(g + "/members/" + owner.id()), 403, "cannot_remove");
        // Owner only.
        String promote = Json.object("role", "admin");
        assertProblem(admin.put(g + "/members/" + member.id() + "/role", promote), 403, "not_owner");
        assertProblem(member.put(g + "/members/" + member.id() + "/role", promote), 403, "not_owner");
        assertProblem(outsider.put(g + "/members/" + member.id() + "/role", promote), 403, "not_member");
        assertProblem(member.post(g + "/transfer", Json.object("userId", member.id())), 403, "not_owner");
        assertProblem(outsider.post(g + "/transfer", Json.object("userId", outsider.id())), 403, "not_member");
        assertProblem(outsider.delete(g), 403, "not_member");
        assertProblem(admin.post(g + "/transfer", Json.object("userId", admin.id())), 403, "not_owner");
        assertProblem(admin.delete(g), 403, "not_owner");
        assertProblem(member.delete(g), 403, "not_owner");
        assertProblem(owner.delete(g + "/members/" + owner.id()), 403, "owner_cannot_leave");
        assertProblem(
                owner.put(g + "/members/" + owner.id() + "/role", Json.object("role", "member")),
                403,
                "cannot_change_owner");
        // Only friends can be added.
        assertProblem(member.post(g + "/members", "{\"userIds\":[" + stranger.id() + "]}"), 403, "not_friend");
        assertProblem(
                owner.post("/groups", "{\"name\":\"x\",\"memberIds\":[" + stranger.id() + "]}"), 403, "not_friend");
        // Join requests: a member may not answer one; a stranger may not even see it.
        long asked = ok(201, stranger.post(g + "/join-requests", "{}"))
                .getJsonNumber("id")
                .longValue();
        assertProblem(member.post("/group-join-requests/" + asked + "/accept", null), 403, "not_admin");
        assertProblem(outsider.post("/group-join-requests/" + asked + "/accept", null), 404, "request_not_found");
        assertProblem(member.delete("/group-join-requests/" + asked), 403, "not_requester");
        ok(200, admin.post("/group-join-requests/" + asked + "/accept", null));
        // Unknown groups and bad input.
        assertProblem(owner.get("/groups/999999999999"), 404, "group_not_found");
        assertProblem(owner.post("/groups", Json.object("name", "x".repeat(65))), 400, "invalid_input", "name");
        assertProblem(
                owner.put(g + "/announcement", Json.object("text", "x".repeat(2001))), 400, "invalid_input", "text");
        assertProblem(
                owner.post("/groups", Json.object("name", "x", "joinPolicy", "anyone")),
                400,
                "invalid_input",
                "joinPolicy");
    }

    @Test
    void groupsAreFoundByNumberOrName() {
        Person owner = Person.create(api, "Finder");
        String name = "山海" + Names.unique("g");
        JsonObject group = ok(201, owner.post("/groups", Json.object("name", name, "joinPolicy", "open")));
        Person seeker = Person.create(api, "Seeker");
        String number = String.valueOf(group.getJsonNumber("number").longValue());
        assertThat(ok(200, seeker.get("/groups/search?q=" + number)).getJsonArray("items"))
                .hasSize(1);
        assertThat(ok(
                                200,
                                seeker.get("/groups/search?q="
                                        + URLEncoder.encode(name.substring(2), StandardCharsets.UTF_8)))
                        .getJsonArray("items"))
                .hasSize(1);
    }

    @Test
    void joinRequestsComeInPagesAndEndWithTheGroup() {
        Person owner = Person.create(api, "Gatekeeper");
        long id = createGroup(owner, "approval", List.of());
        String requests = "/groups/" + id + "/join-requests";
        List<Person> askers = new ArrayList<>();
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person asker = Person.create(api, "Asker");
            askers.add(asker);
            asked.add(ok(201, asker.post(requests, Json.object("message", "请让我加入 " + i)))
                    .getJsonNumber("id")
                    .longValue());
        }

        List<List<JsonObject>> pages = followPages(owner, requests + "?limit=2");
        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(List::stream))
                .extracting(r -> r.getJsonNumber("id").longValue())
                .as("by id, each once")
                .isEqualTo(asked);
        assertProblem(owner.get(requests + "?limit=0"), 400, "invalid_input");
        assertProblem(owner.get(requests + "?limit=201"), 400, "invalid_input");
        assertProblem(owner.get(requests + "?after=x"), 400, "invalid_input");

        // Dissolving the group ends every request still waiting.
        Api.expect(204, owner.delete("/groups/" + id));
        for (int i = 0; i < askers.size(); i++) {
            assertProblem(askers.get(i).delete("/group-join-requests/" + asked.get(i)), 409, "request_not_pending");
        }
    }

    /** Every page of a keyset list, following its {@code Link: rel="next"} until there is none. */
    private static List<List<JsonObject>> followPages(Person reader, String first) {
        List<List<JsonObject>> pages = new ArrayList<>();
        String path = first;
        while (path != null) {
            var answer = Api.expect(200, reader.get(path));
            pages.add(Json.parseArray(answer.body()).getValuesAs(JsonObject.class));
            path = answer.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf("/groups/"), link.indexOf('>')))
                    .orElse(null);
        }
        return pages;
    }

    private static long createGroup(Person owner, String policy, List<Long> members) {
        String ids = members.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        return ok(
                        201,
                        owner.post(
                                "/groups",
                                "{\"name\":\"group " + policy + "\",\"joinPolicy\":\"" + policy + "\",\"memberIds\":["
                                        + ids + "]}"))
                .getJsonNumber("id")
                .longValue();
    }
}

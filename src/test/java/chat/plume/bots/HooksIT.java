package chat.plume.bots;

import static chat.plume.testing.Api.expect;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhooks, black box: a group's owner wires a hook into the group, posting as their
 * bot; a post with the secret in a header appears once even when retried under the same
 * Idempotency-Key; everything else — a wrong or revoked secret, a secret in the URL, a reused key
 * with another text, too large, not JSON, a member who does not manage the group — is refused by
 * name.
 */
@RunAsClient
class HooksIT extends ClientTestBase {

    @Test
    void aHookPostsIntoItsGroupOnceUnderARetriedKey() {
        Person owner = Person.create(api, "Hooker");
        Person member = Person.create(api, "Member");
        Person.befriend(owner, member);
        Person bot = owner.createBot("ci", "CI");
        Person.befriend(owner, bot);
        long group = owner.createGroup("构建通知", member, bot);
        long conversation = owner.conversationOfGroup(group);

        JsonObject made = Person.ok(
                201, owner.post("/hooks", Json.object("conversation", conversation, "bot", bot.id(), "name", "CI")));
        long hook = made.getJsonObject("hook").getJsonNumber("id").longValue();
        String secret = made.getString("secret");
        assertThat(secret).startsWith("plh_");
        assertThat(Person.okArray(200, owner.get("/hooks?conversation=" + conversation))
                        .toString())
                .contains("\"name\":\"CI\"")
                .doesNotContain(secret);

        JsonObject first =
                chat.plume.testing.Api.json(expect(201, post(hook, secret, "build-41", "✅ build 41 passed")));
        JsonObject again =
                chat.plume.testing.Api.json(expect(200, post(hook, secret, "build-41", "✅ build 41 passed")));
        assertThat(again.getJsonNumber("messageId")).isEqualTo(first.getJsonNumber("messageId"));
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertProblem(post(hook, secret, "build-41", "❌ something else"), 409, "idempotency_key_reused");
        // Without a key, two posts are two messages; the bearer form of the secret works too.
        expect(201, api.send("POST", "/hooks/" + hook, Json.object("text", "no key"), secret));

        List<JsonObject> seen = member.history(conversation, 0);
        assertThat(seen)
                .filteredOn(m -> m.getString("body", "").equals("✅ build 41 passed"))
                .hasSize(1);
        assertThat(seen)
                .filteredOn(m -> m.getJsonNumber("sender") != null
                        && m.getJsonNumber("sender").longValue() == bot.id())
                .extracting(m -> m.getString("body"))
                .containsExactly("✅ build 41 passed", "no key");

        // A new secret ends the old one; revoking ends the hook.
        String newer =
                Person.ok(200, owner.post("/hooks/" + hook + "/secret", null)).getString("secret");
        assertProblem(post(hook, secret, null, "old secret"), 401, "invalid_hook_secret");
        expect(201, post(hook, newer, null, "new secret"));
        expect(204, owner.delete("/hooks/" + hook));
        assertProblem(post(hook, newer, null, "revoked"), 401, "invalid_hook_secret");
        assertProblem(post(hook + 1_000_000, newer, null, "unknown"), 401, "invalid_hook_secret");
    }

    @Test
    void badPostsAndTheWrongPeopleAreRefusedByName() {
        Person owner = Person.create(api, "Hooker");
        Person member = Person.create(api, "Member");
        Person.befriend(owner, member);
        Person bot = owner.createBot("ci", "CI");
        Person.befriend(owner, bot);
        Person stranger = Person.create(api, "Stranger");
        long group = owner.createGroup("钩子", member, bot);
        long conversation = owner.conversationOfGroup(group);

        // Only who manages the conversation, with a bot of their own that is in it.
        Person memberBot = member.createBot("mine", "Mine");
        assertProblem(
                member.post("/hooks", Json.object("conversation", conversation, "bot", memberBot.id(), "name", "x")),
                403,
                "not_admin");
        assertProblem(
                stranger.post("/hooks", Json.object("conversation", conversation, "bot", bot.id(), "name", "x")),
                403,
                "forbidden");
        assertProblem(
                owner.post("/hooks", Json.object("conversation", conversation, "bot", memberBot.id(), "name", "x")),
                404,
                "bot_not_found");
        Person outside = owner.createBot("out", "Out");
        assertProblem(
                owner.post("/hooks", Json.object("conversation", conversation, "bot", outside.id(), "name", "x")),
                409,
                "bot_not_in_conversation");
        assertProblem(
                bot.post("/hooks", Json.object("conversation", conversation, "bot", bot.id(), "name", "x")),
                403,
                "bot_forbidden");
        assertProblem(member.get("/hooks?conversation=" + conversation), 403, "not_admin");

        JsonObject made = Person.ok(
                201, owner.post("/hooks", Json.object("conversation", conversation, "bot", bot.id(), "name", "CI")));
        long hook = made.getJsonObject("hook").getJsonNumber("id").longValue();
        String secret = made.getString("secret");
        assertProblem(member.delete("/hooks/" + hook), 404, "hook_not_found");

        assertProblem(
                api.send("POST", "/hooks/" + hook + "?secret=" + secret, Json.object("text", "x"), null),
                400,
                "secret_in_url");
        assertProblem(
                api.send("POST", "/hooks/" + hook + "?s=" + secret, Json.object("text", "x"), null),
                400,
                "secret_in_url");
        assertProblem(post(hook, null, null, "no secret"), 401, "invalid_hook_secret");
        assertProblem(post(hook, "plh_wrong", null, "wrong"), 401, "invalid_hook_secret");
        assertProblem(raw(hook, secret, "{not json"), 400, "malformed_request");
        assertProblem(raw(hook, secret, "[1,2]"), 400, "malformed_request");
        assertProblem(raw(hook, secret, "{\"text\": 42}"), 400, "invalid_input", "text");
        assertProblem(raw(hook, secret, "{\"text\": \"" + "x".repeat(50_000) + "\"}"), 413, "too_large");
        assertProblem(post(hook, secret, "a key with spaces", "x"), 400, "invalid_input", "Idempotency-Key");
        assertThat(api.send(
                                "POST",
                                "/hooks/" + hook,
                                "text=x",
                                null,
                                "Content-Type",
                                "text/plain",
                                HooksResource.SECRET_HEADER,
                                secret)
                        .statusCode())
                .isEqualTo(415);
    }

    private HttpResponse<String> post(long hook, String secret, String key, String text) {
        return raw(hook, secret, Json.object("text", text), key);
    }

    private HttpResponse<String> raw(long hook, String secret, String body) {
        return raw(hook, secret, body, null);
    }

    private HttpResponse<String> raw(long hook, String secret, String body, String key) {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (secret != null) {
            headers.addAll(List.of(HooksResource.SECRET_HEADER, secret));
        }
        if (key != null) {
            headers.addAll(List.of("Idempotency-Key", key));
        }
        return api.send("POST", "/hooks/" + hook, body, null, headers.toArray(String[]::new));
    }
}

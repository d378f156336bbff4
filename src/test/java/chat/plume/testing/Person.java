package chat.plume.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A signed-in test user: their id, username, token, and a REST client acting as them. */
public record Person(Api api, long id, String username, String token) {

    /** Registers and signs in a new person. */
    public static Person create(Api api, String prefix) {
        return create(api, prefix, null);
    }

    /** Registers and signs in a new person with this display name ("Name &lt;username&gt;" when null). */
    public static Person create(Api api, String prefix, String displayName) {
        String username = Names.unique(prefix);
        Api.expect(
                201,
                api.register(username, displayName == null ? "Name " + username : displayName, "pass-" + username));
        String token = api.token(username, "pass-" + username);
        long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                .getJsonNumber("id")
                .longValue();
        return new Person(api, id, username, token);
    }

    /** Signs in an account that exists already (e.g. the administrator the ITs' server is configured with). */
    public static Person existing(Api api, String username, String password) {
        String token = api.token(username, password);
        long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                .getJsonNumber("id")
                .longValue();
        return new Person(api, id, username, token);
    }

    /** The administrator every IT server is configured with ({@code plume.admin.*} in the pom). */
    public static final String ADMIN = "plume_admin";

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static Person admin;

    /**
     * The configured administrator, signed in with two-factor authentication (the console needs
     * it): enrolled on first use, its secret kept beside the leg's data
     * ({@code plume.it.data.dir}/plume_admin.totp) so a later run on the same database signs in
     * too. One session per test JVM, shared: each sign-in spends a time step's code.
     */
    public static synchronized Person admin(Api api) {
        if (admin != null
                && admin.api.base().equals(api.base())
                && api.send("GET", "/me", null, admin.token).statusCode() == 200) {
            return new Person(api, admin.id, admin.username, admin.token);
        }
        java.nio.file.Path kept = adminSecretFile();
        HttpResponse<String> first = api.signIn(ADMIN, ADMIN_PASSWORD);
        Person signedIn;
        if (first.statusCode() == 201) {
            String token = Api.json(first).getString("token");
            long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                    .getJsonNumber("id")
                    .longValue();
            signedIn = new Person(api, id, ADMIN, token);
            String secret = ok(200, signedIn.post("/me/two-factor", Json.object("password", ADMIN_PASSWORD)))
                    .getString("secret");
            ok(200, signedIn.post("/me/two-factor/confirm", Json.object("code", TotpCodes.fresh(secret))));
            try {
                java.nio.file.Files.createDirectories(kept.getParent());
                java.nio.file.Files.writeString(kept, secret);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            if (!java.nio.file.Files.isRegularFile(kept)) {
                throw new IllegalStateException(ADMIN + " has two-factor authentication but " + kept
                        + " is gone: delete the leg's data directory to start afresh");
            }
            String secret = readString(kept);
            HttpResponse<String> answer = api.send(
                    "POST",
                    "/sessions",
                    Json.object("username", ADMIN, "password", ADMIN_PASSWORD, "code", TotpCodes.fresh(secret)),
                    null);
            if (answer.statusCode() == 401) {
                // Another JVM (the server, running an in-container test) spent this time step: the next one.
                answer = api.send(
                        "POST",
                        "/sessions",
                        Json.object("username", ADMIN, "password", ADMIN_PASSWORD, "code", TotpCodes.fresh(secret)),
                        null);
            }
            String token = Api.json(Api.expect(201, answer)).getString("token");
            long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                    .getJsonNumber("id")
                    .longValue();
            signedIn = new Person(api, id, ADMIN, token);
        }
        admin = signedIn;
        return signedIn;
    }

    /** The administrator's TOTP secret (after {@link #admin}), for signing in through a page. */
    public static String adminTotpSecret() {
        return readString(adminSecretFile());
    }

    /** Beside the leg's data: the test JVM knows it as plume.it.data.dir, the server (in-container tests) as plume.data.dir. */
    private static java.nio.file.Path adminSecretFile() {
        String dir = System.getProperty("plume.it.data.dir", System.getProperty("plume.data.dir", "target/it-data"));
        return java.nio.file.Path.of(dir, "plume_admin.totp");
    }

    private static String readString(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Turns two-factor authentication on for this person; this session counts as signed in with it. Returns the secret. */
    public String enrolTwoFactor() {
        String secret = ok(200, post("/me/two-factor", Json.object("password", "pass-" + username)))
                .getString("secret");
        ok(200, post("/me/two-factor/confirm", Json.object("code", TotpCodes.fresh(secret))));
        return secret;
    }

    /** Signs in with a second-factor code too. */
    public static Person existing(Api api, String username, String password, String code) {
        HttpResponse<String> answer = api.send(
                "POST", "/sessions", Json.object("username", username, "password", password, "code", code), null);
        String token = Api.json(Api.expect(201, answer)).getString("token");
        long id = Api.json(Api.expect(200, api.send("GET", "/me", null, token)))
                .getJsonNumber("id")
                .longValue();
        return new Person(api, id, username, token);
    }

    /** Signs this person in once more: another session, another token. */
    public Person anotherSession() {
        return new Person(api, id, username, api.token(username, "pass-" + username));
    }

    public HttpResponse<String> get(String path) {
        return api.send("GET", path, null, token);
    }

    public HttpResponse<String> post(String path, String body) {
        return api.send("POST", path, body, token);
    }

    public HttpResponse<String> put(String path, String body) {
        return api.send("PUT", path, body, token);
    }

    public HttpResponse<String> delete(String path) {
        return api.send("DELETE", path, null, token);
    }

    /** The JSON answer of a request that must have the given status. */
    public static JsonObject ok(int status, HttpResponse<String> response) {
        return Api.json(Api.expect(status, response));
    }

    /** The JSON array answer of a request that must have the given status. */
    public static JsonArray okArray(int status, HttpResponse<String> response) {
        return Json.parseArray(Api.expect(status, response).body());
    }

    /** Makes two people friends through the API (a request and its acceptance). */
    public static void befriend(Person a, Person b) {
        long id = ok(201, a.post("/friend-requests", Json.object("userId", b.id())))
                .getJsonNumber("id")
                .longValue();
        ok(200, b.post("/friend-requests/" + id + "/accept", null));
    }

    /** Makes a bot owned by this person; returns it as a {@link Person} acting with its token. */
    public Person createBot(String prefix, String displayName) {
        String username = Names.unique(prefix);
        JsonObject created = ok(
                201,
                post(
                        "/bots",
                        Json.object("username", username, "displayName", displayName, "description", "a test bot")));
        JsonObject bot = created.getJsonObject("bot");
        if (!bot.getString("username").equals(username)
                || !created.getString("token").startsWith("plm_")) {
            throw new AssertionError("Not the bot asked for: " + created);
        }
        return new Person(api, bot.getJsonNumber("id").longValue(), username, created.getString("token"));
    }

    /**
     * Sends a friend request to the assistant ({@code assistant}: its id), waits until it has
     * accepted it by itself, and returns the chat with it.
     */
    public long befriendAssistant(long assistant) {
        ok(201, post("/friend-requests", Json.object("userId", assistant)));
        Await.until(
                Duration.ofSeconds(15),
                "the assistant to accept",
                () -> get("/friends").body().contains("\"id\":" + assistant + ","));
        return ok(200, post("/conversations", Json.object("userId", assistant)))
                .getJsonNumber("id")
                .longValue();
    }

    /** The conversation with a friend ({@code POST /conversations}, made on first use). */
    public long conversationWith(Person friend) {
        return ok(200, post("/conversations", Json.object("userId", friend.id())))
                .getJsonNumber("id")
                .longValue();
    }

    /** The conversation of a group this person is in. */
    public long conversationOfGroup(long group) {
        return ok(200, post("/conversations", Json.object("groupId", group)))
                .getJsonNumber("id")
                .longValue();
    }

    /** Creates a group with friends of this person as its first members; returns its id. */
    public long createGroup(String name, Person... members) {
        StringBuilder ids = new StringBuilder();
        for (Person member : members) {
            ids.append(ids.isEmpty() ? "" : ",").append(member.id());
        }
        return ok(201, post("/groups", "{\"name\":\"" + name + "\",\"memberIds\":[" + ids + "]}"))
                .getJsonNumber("id")
                .longValue();
    }

    /** Sends a text message over a WebSocket of its own and waits for the acknowledgement. */
    public JsonObject sendText(long conversation, String clientMessageId, String body) {
        try (WsClient socket = connect()) {
            return socket.request(
                    Json.object(
                            "type",
                            "send",
                            "id",
                            "t1",
                            "conversation",
                            conversation,
                            "clientMessageId",
                            clientMessageId,
                            "body",
                            body),
                    Duration.ofSeconds(10));
        }
    }

    /** Every message of a conversation after a position, as this person reads it, through all pages. */
    public List<JsonObject> history(long conversation, long after) {
        List<JsonObject> all = new ArrayList<>();
        long position = after;
        boolean more = true;
        while (more) {
            JsonObject page =
                    ok(200, get("/conversations/" + conversation + "/messages?after=" + position + "&limit=40"));
            for (JsonObject m : page.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                all.add(m);
                position = m.getJsonNumber("seq").longValue();
            }
            more = page.getBoolean("hasMore");
        }
        return all;
    }

    /** Uploads a small text file for a conversation ({@code POST /media}); returns the upload's id. */
    public long upload(long conversation, String name, String text) {
        return ok(
                        201,
                        api.send(
                                "POST",
                                "/media?conversation=" + conversation + "&name=" + name,
                                text,
                                token,
                                "Content-Type",
                                "application/octet-stream"))
                .getJsonNumber("id")
                .longValue();
    }

    public WsClient connect() {
        WsClient client = WsClient.connect(api.base(), token);
        client.next("welcome", Duration.ofSeconds(10));
        return client;
    }
}

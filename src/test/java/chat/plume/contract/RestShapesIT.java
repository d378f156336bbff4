package chat.plume.contract;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.JsonShape;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The JSON of the REST API is the same on every server and database of the matrix:
 * representative answers of every resource, with what differs between runs (ids, times, this
 * run's names) replaced by its kind ({@link JsonShape}), are compared with one committed file,
 * {@code src/test/resources/golden/rest-shapes.json}. It catches what differs between WildFly's
 * RESTEasy and Payara's Jersey, Hibernate and EclipseLink: a date not in ISO-8601 UTC (only values
 * like {@code 2026-12-06T10:15:30.123Z} become {@code <instant>}; anything else stays and
 * differs), a null written instead of left out, an enum spelled differently, an integer written as
 * a decimal, a renamed field, a different status or content type.
 *
 * <p>To change the API on purpose: run the ITs with {@code -Dplume.golden.update=true}, read the
 * file's diff, and commit it with the change.
 */
@RunAsClient
class RestShapesIT extends ClientTestBase {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/rest-shapes.json");

    private final JsonObjectBuilder answers = jakarta.json.Json.createObjectBuilder();
    private JsonShape shape;

    @Test
    void everyResourceAnswersInTheCommittedShape() throws IOException {
        String daveName = Names.unique("Gold");
        // Unique, so that a search finds this run's group only.
        String groupName = Names.unique("GoldenGroup");
        Person alice = Person.create(api, "Gold", "Alice Gold");
        Person bob = Person.create(api, "Gold", "Bob Gold");
        Person carol = Person.create(api, "Gold", "Carol Gold");
        shape = new JsonShape()
                .name(alice.username(), "alice")
                .name(bob.username(), "bob")
                .name(carol.username(), "carol")
                .name(daveName, "dave")
                .name(groupName, "group")
                // A group's system messages carry their JSON in the body, with the actor's id.
                .replace("\"user\":" + alice.id() + ",", "\"user\":\"<alice's id>\",")
                // The sessions list shows the client's User-Agent, which names the JDK running the tests.
                .name("Java-http-client/" + System.getProperty("java.version"), "test client");

        record("POST /accounts", api.register(daveName, "Dave Gold", "password-" + daveName));
        HttpResponse<String> signIn = api.send(
                "POST", "/sessions", Json.object("username", daveName, "password", "password-" + daveName), null);
        shape.name(Json.parse(signIn.body()).getString("token"), "token");
        record("POST /sessions", signIn);
        record("GET /me", alice.get("/me"));
        record(
                "PUT /me",
                alice.put(
                        "/me",
                        Json.object(
                                "displayName",
                                "Alice Gold",
                                "signature",
                                "今天也要加油",
                                "gender",
                                "female",
                                "region",
                                "上海")));
        record("GET /users/{username}", alice.get("/users/" + bob.username()));
        record("GET /users?q=", alice.get("/users?q=" + bob.username()));
        record("GET /sessions", alice.get("/sessions"));

        HttpResponse<String> request = alice.post("/friend-requests", Json.object("userId", bob.id()));
        record("POST /friend-requests", request);
        record("GET /friend-requests", bob.get("/friend-requests"));
        long requestId = Json.parse(request.body()).getJsonNumber("id").longValue();
        record("POST /friend-requests/{id}/accept", bob.post("/friend-requests/" + requestId + "/accept", null));
        Person.befriend(alice, carol);
        record("GET /friends", alice.get("/friends"));
        record("POST /contact-groups", alice.post("/contact-groups", Json.object("name", "同事")));
        record("GET /contact-groups", alice.get("/contact-groups"));

        long group = alice.createGroup(groupName, bob, carol);
        record("GET /groups/{id}", bob.get("/groups/" + group));
        record("GET /groups/{id}/members", bob.get("/groups/" + group + "/members"));
        record("GET /groups", bob.get("/groups"));
        record(
                "PUT /groups/{id}/announcement",
                alice.put("/groups/" + group + "/announcement", Json.object("text", "周六早上八点集合")));
        record("GET /groups/search", bob.get("/groups/search?q=" + groupName));

        long conversation = alice.conversationWith(bob);
        alice.sendText(conversation, "golden-1", "golden hello");
        record("GET /conversations", bob.get("/conversations"));
        record("GET /conversations/{id}/messages", bob.get("/conversations/" + conversation + "/messages"));
        record("GET /conversations/search", bob.get("/conversations/search?q=golden"));
        record("GET /conversations/{id}/pins", bob.get("/conversations/" + conversation + "/pins"));
        record(
                "POST /media",
                api.send(
                        "POST",
                        "/media?conversation=" + conversation + "&name=notes.txt",
                        "hello",
                        alice.token(),
                        "Content-Type",
                        "application/octet-stream"));

        record("PUT /blocks/{userId}", bob.put("/blocks/" + carol.id(), null));
        record("GET /blocks", bob.get("/blocks"));

        record("GET /users/{unknown}", alice.get("/users/nobody_golden"));
        record("POST /accounts (invalid)", api.register("x", "", "short"));
        record("GET /health/ready", api.send("GET", "/health/ready", null, null));

        String actual = pretty(answers.build());
        if (Boolean.getBoolean("plume.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertThat(GOLDEN)
                .as("the golden file (-Dplume.golden.update=true writes it)")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    private void record(String name, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
        JsonObjectBuilder answer = jakarta.json.Json.createObjectBuilder()
                .add("status", response.statusCode())
                .add("contentType", type);
        if (!response.body().isEmpty()) {
            try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
                answer.add("body", shape.of(reader.readValue()));
            }
        }
        answers.add(name, answer);
    }

    private static String pretty(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = jakarta.json.Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip() + "\n";
    }
}

package chat.plume.calls;

import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One device of one person in the call tests: a WebSocket and the call frames it sends. */
final class Phone implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger IDS = new AtomicInteger();

    final Person person;
    final WsClient socket;

    private Phone(Person person, WsClient socket) {
        this.person = person;
        this.socket = socket;
    }

    /** A new device of {@code person}: its own session, its own connection. */
    static Phone of(Person person) {
        return new Phone(person, person.anotherSession().connect());
    }

    /** A device on a session made beforehand ({@code Person.anotherSession()}): connects only. */
    static Phone on(Person session) {
        return new Phone(session, session.connect());
    }

    /** A request frame: {@code type} with pairs of field name and value (a value may be a JsonValue). */
    static JsonObject frame(String type, Object... pairs) {
        JsonObjectBuilder builder = Json.createObjectBuilder().add("type", type).add("id", "r" + IDS.incrementAndGet());
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value instanceof JsonValue v) {
                builder.add(name, v);
            } else if (value instanceof Number n) {
                builder.add(name, n.longValue());
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else {
                builder.add(name, String.valueOf(value));
            }
        }
        return builder.build();
    }

    /** Sends a request and returns the frame answering it (the answer or an error). */
    JsonObject request(String type, Object... pairs) {
        return socket.request(frame(type, pairs).toString(), WAIT);
    }

    JsonObject invite(long conversation, String media) {
        return request("call.invite", "conversation", conversation, "media", media);
    }

    JsonObject accept(long call) {
        return request("call.accept", "call", call);
    }

    JsonObject hangup(long call) {
        return request("call.hangup", "call", call);
    }

    JsonObject offer(long call, long to, String sdp) {
        return request(
                "call.signal",
                "call",
                call,
                "to",
                to,
                "description",
                Json.createObjectBuilder().add("type", "offer").add("sdp", sdp).build());
    }

    /** The next {@code call} push (no request id) about {@code call} that satisfies {@code state}. */
    JsonObject nextCall(long call, String state) {
        return socket.next(
                        f -> f.getString("type", "").equals("call")
                                && !f.containsKey("id")
                                && f.getJsonObject("call").getJsonNumber("id").longValue() == call
                                && f.getJsonObject("call").getString("state").equals(state),
                        WAIT)
                .getJsonObject("call");
    }

    /** The next {@code call} push (no request id) about {@code call} that satisfies {@code wanted}. */
    JsonObject nextCall(long call, java.util.function.Predicate<JsonObject> wanted) {
        return socket.next(
                        f -> f.getString("type", "").equals("call")
                                && !f.containsKey("id")
                                && f.getJsonObject("call").getJsonNumber("id").longValue() == call
                                && wanted.test(f.getJsonObject("call")),
                        WAIT)
                .getJsonObject("call");
    }

    /** The next {@code call} push of any call in a conversation, in the given state. */
    JsonObject nextCallIn(long conversation, String state) {
        return socket.next(
                        f -> f.getString("type", "").equals("call")
                                && !f.containsKey("id")
                                && f.getJsonObject("call")
                                                .getJsonNumber("conversation")
                                                .longValue()
                                        == conversation
                                && f.getJsonObject("call").getString("state").equals(state),
                        WAIT)
                .getJsonObject("call");
    }

    /** Whether a ping is answered before any frame of {@code type} arrives (nothing of it is on its way). */
    boolean receivesNothingOf(String type) {
        String id = "probe" + IDS.incrementAndGet();
        socket.send(chat.plume.testing.Json.object("type", "ping", "id", id));
        JsonObject reached =
                socket.next(f -> type.equals(f.getString("type", "")) || id.equals(f.getString("id", null)), WAIT);
        return reached.getString("type").equals("pong");
    }

    @Override
    public void close() {
        socket.close();
    }

    static long id(JsonObject answer) {
        return answer.getJsonObject("call").getJsonNumber("id").longValue();
    }

    static String code(JsonObject answer) {
        return answer.getString("type").equals("error") ? answer.getString("code") : "answered:" + answer;
    }
}

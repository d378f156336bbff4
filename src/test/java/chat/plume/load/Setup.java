package chat.plume.load;

import chat.plume.testing.Api;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What scenarios do before their traffic: friendships, conversations, groups, connections. */
final class Setup {

    /** Handshakes in flight at once: enough to be quick, few enough not to time each other out. */
    private static final int HANDSHAKES_IN_FLIGHT = 64;

    private static final Pattern RETRY_AFTER = Pattern.compile("1013 overloaded retry_after=(\\d+)");

    /** A conversation of the run, and its last sequence number before the run (earlier runs' messages). */
    record Conversation(long id, long lastSeq) {
        static Conversation of(JsonObject view) {
            return new Conversation(
                    view.getJsonNumber("id").longValue(),
                    view.getJsonNumber("lastSeq").longValue());
        }
    }

    private Setup() {}

    static Person person(Api api, Population.Account account) {
        return new Person(api, account.id(), account.username(), account.token());
    }

    /** Their direct conversation, making them friends first unless they are already. */
    static Conversation directConversation(Api api, Population.Account a, Population.Account b) {
        Person from = person(api, a);
        Person to = person(api, b);
        // A block left by an earlier run (blocked=) would refuse the request: lift it first.
        to.delete("/blocks/" + from.id());
        HttpResponse<String> request = from.post("/friend-requests", Json.object("userId", to.id()));
        if (request.statusCode() == 201) {
            long id = Api.json(request).getJsonNumber("id").longValue();
            Person.ok(200, to.post("/friend-requests/" + id + "/accept", null));
        } else if (!(request.statusCode() == 409 && request.body().contains("already_friends"))) {
            throw new IllegalStateException("Could not befriend: " + request.statusCode() + " " + request.body());
        }
        return Conversation.of(Person.ok(200, from.post("/conversations", Json.object("userId", to.id()))));
    }

    /** {@code b} blocks {@code a}: from now on every send of {@code a} to {@code b} is refused {@code blocked}. */
    static void block(Api api, Population.Account a, Population.Account b) {
        Api.expect(204, person(api, b).put("/blocks/" + a.id(), null));
    }

    /** A new open group that every account joins; returns its conversation id. */
    static Conversation groupConversation(Api api, List<Population.Account> members) {
        Person owner = person(api, members.get(0));
        long group = Person.ok(201, owner.post("/groups", Json.object("name", "Load group", "joinPolicy", "open")))
                .getJsonNumber("id")
                .longValue();
        members.subList(1, members.size()).parallelStream()
                .forEach(member -> Person.ok(
                        201,
                        person(api, member)
                                .post("/groups/" + group + "/join-requests", Json.object("message", "load"))));
        return Conversation.of(Person.ok(200, owner.post("/conversations", Json.object("groupId", group))));
    }

    /**
     * Opens one connection per account, in order, handshakes bounded; the HttpClients are used in
     * turn (one per source address). Fails if any connection cannot be opened.
     */
    static List<LoadConnection> connect(
            List<HttpClient> clients,
            URI base,
            List<Population.Account> accounts,
            Function<Population.Account, LoadConnection.FrameHandler> handlers) {
        Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
        List<CompletableFuture<LoadConnection>> opening = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Population.Account account = accounts.get(i);
            inFlight.acquireUninterruptibly();
            CompletableFuture<LoadConnection> connection =
                    open(clients.get(i % clients.size()), base, account, handlers.apply(account));
            connection.whenComplete((c, e) -> inFlight.release());
            opening.add(connection);
        }
        return opening.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Opens a connection, coming back as a client must when the server is admitting too many at
     * once (1013 {@code retry_after=N}): after N seconds.
     */
    static CompletableFuture<LoadConnection> open(
            HttpClient http, URI base, Population.Account account, LoadConnection.FrameHandler handler) {
        return LoadConnection.open(http, base, account, handler).exceptionallyCompose(failure -> {
            Matcher hint = RETRY_AFTER.matcher(messages(failure));
            if (!hint.find()) {
                return CompletableFuture.failedFuture(failure);
            }
            Executor later = CompletableFuture.delayedExecutor(Long.parseLong(hint.group(1)), TimeUnit.SECONDS);
            return CompletableFuture.supplyAsync(() -> account, later)
                    .thenCompose(again -> open(http, base, account, handler));
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static List<HttpClient> oneClient() {
        return List.of(HttpClient.newHttpClient());
    }

    /**
     * One client per loopback source address 127.0.0.1, .2, …: one address has ~28,000
     * ephemeral ports, and connections closed in earlier runs hold theirs for a while.
     */
    static List<HttpClient> clients(int sources) {
        if (sources == 1) {
            return oneClient();
        }
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 1; i <= sources; i++) {
            clients.add(boundTo("127.0.0." + i));
        }
        return clients;
    }

    /** A client whose connections leave from the given loopback address (JDK 19+). */
    private static HttpClient boundTo(String address) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        try {
            HttpClient.Builder.class
                    .getMethod("localAddress", InetAddress.class)
                    .invoke(builder, InetAddress.getByName(address));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "sources > 1 needs a JDK 19 or later (HttpClient.Builder.localAddress);"
                            + " run the tool with JAVA_HOME pointing at one",
                    e);
        } catch (IllegalAccessException | InvocationTargetException | UnknownHostException e) {
            throw new IllegalStateException("Cannot bind to " + address, e);
        }
        return builder.build();
    }
}

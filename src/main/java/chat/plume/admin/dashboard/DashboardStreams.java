package chat.plume.admin.dashboard;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.RoleChanged;
import chat.plume.identity.boundary.SessionsRevoked;
import chat.plume.platform.error.RateLimitedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboards watching live: server-sent event streams, each sent every new sample. Bounded
 * ({@value #MAX_STREAMS} at once) and short-lived: a stream ends after {@link #LIFETIME}, and the
 * browser's {@code EventSource} opens a new one, authenticated again. A session signed out (or
 * banned) and an administrator demoted have their streams ended at once.
 */
@ApplicationScoped
public class DashboardStreams {

    static final int MAX_STREAMS = 50;
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Stream(SseEventSink sink, Sse sse, long openedNanos, long accountId, long sessionId) {}

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();

    /** Takes a new stream of this caller's, or refuses with 429 {@code busy} when too many are open. */
    public void open(Caller caller, SseEventSink sink, Sse sse, String firstSample) {
        if (count.incrementAndGet() > MAX_STREAMS) {
            count.decrementAndGet();
            throw new RateLimitedException("busy", Duration.ofSeconds(30), "Too many dashboards are open.");
        }
        Stream stream = new Stream(sink, sse, System.nanoTime(), caller.accountId(), caller.sessionId());
        streams.add(stream);
        // The stream's first event tells the browser how soon to come back after an end.
        sink.send(sse.newEventBuilder()
                .reconnectDelay(2000)
                .comment("plume dashboard")
                .build());
        if (firstSample != null) {
            send(stream, firstSample);
        }
    }

    void publish(String sample) {
        long now = System.nanoTime();
        for (Stream stream : streams) {
            if (stream.sink().isClosed() || now - stream.openedNanos() > LIFETIME.toNanos()) {
                end(stream);
            } else {
                send(stream, sample);
            }
        }
    }

    /** A signed-out session's streams end with it. */
    void onSignOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsRevoked revoked) {
        streams.stream()
                .filter(s -> s.accountId() == revoked.accountId()
                        && revoked.sessionIds().contains(s.sessionId()))
                .forEach(this::end);
    }

    /** A demoted administrator's streams end at once (a promoted one's never began). */
    void onRoleChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleChanged changed) {
        streams.stream().filter(s -> s.accountId() == changed.accountId()).forEach(this::end);
    }

    private void end(Stream stream) {
        if (streams.remove(stream)) {
            count.decrementAndGet();
            stream.sink().close();
        }
    }

    /** Ends every stream when the application stops: an open stream would hold up the undeployment. */
    @PreDestroy
    void closeAll() {
        streams.forEach(this::end);
    }

    private void send(Stream stream, String sample) {
        OutboundSseEvent event = stream.sse()
                .newEventBuilder()
                .name("sample")
                // Already JSON: sent as text, so no provider encodes it a second time.
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, sample)
                .build();
        stream.sink().send(event).whenComplete((done, failure) -> {
            if (failure != null) {
                end(stream);
            }
        });
    }
}

package chat.plume.admin.dashboard;

import chat.plume.platform.error.RateLimitedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboards watching live: server-sent event streams, each sent every new sample. Bounded
 * ({@value #MAX_STREAMS} at once) and short-lived: a stream ends after {@link #LIFETIME}, and the
 * browser's {@code EventSource} opens a new one — which is authenticated again, so a signed-out
 * or demoted administrator stops receiving within that time at most.
 */
@ApplicationScoped
public class DashboardStreams {

    static final int MAX_STREAMS = 50;
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Stream(SseEventSink sink, Sse sse, long openedNanos) {}

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    /** Takes a new stream, or refuses with 429 {@code busy} when too many are open. */
    public void open(SseEventSink sink, Sse sse, String firstSample) {
        if (streams.size() >= MAX_STREAMS) {
            throw new RateLimitedException("busy", Duration.ofSeconds(30), "Too many dashboards are open.");
        }
        Stream stream = new Stream(sink, sse, System.nanoTime());
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
            if (stream.sink().isClosed()) {
                streams.remove(stream);
            } else if (now - stream.openedNanos() > LIFETIME.toNanos()) {
                streams.remove(stream);
                stream.sink().close();
            } else {
                send(stream, sample);
            }
        }
    }

    /** Ends every stream when the application stops: an open stream would hold up the undeployment. */
    @PreDestroy
    void closeAll() {
        streams.forEach(stream -> stream.sink().close());
        streams.clear();
    }

    private void send(Stream stream, String sample) {
        OutboundSseEvent event = stream.sse()
                .newEventBuilder()
                .name("sample")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, sample)
                .build();
        stream.sink().send(event).whenComplete((done, failure) -> {
            if (failure != null) {
                streams.remove(stream);
                stream.sink().close();
            }
        });
    }
}

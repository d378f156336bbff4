package chat.plume.admin.dashboard;

import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * {@code /admin/dashboard}: the node's last 20 minutes of figures, then each new sample live as a
 * server-sent event ({@code /admin/dashboard/stream}, event {@code sample}, every 5 s).
 */
@Path("admin/dashboard")
@Authenticated
@AdminOnly
public class DashboardResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    DashboardSampler sampler;

    @Inject
    DashboardStreams streams;

    @Inject
    CurrentCaller caller;

    /** The samples kept on this node, oldest first. */
    public record History(List<Sample> samples) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public History history() {
        return new History(sampler.history());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        List<Sample> kept = sampler.history();
        streams.open(caller.get(), sink, sse, kept.isEmpty() ? null : JSON.toJson(kept.get(kept.size() - 1)));
    }
}

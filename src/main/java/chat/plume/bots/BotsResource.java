package chat.plume.bots;

import chat.plume.bots.events.Subscriptions;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/** {@code /bots}: the caller's own bots (see {@link Bots}). */
@Path("bots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BotsResource {

    @Inject
    Bots bots;

    @Inject
    CurrentCaller caller;

    @Inject
    Subscriptions subscriptionsOf;

    /** {@code POST /bots/{id}/subscriptions}. */
    public record SubscribeRequest(
            @NotNull @Size(max = 2000) String url,
            @NotNull @Size(min = 1, max = 5) Set<String> events) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid BotRequests.Create request, @jakarta.ws.rs.core.Context UriInfo uri) {
        BotRequests.WithToken created = bots.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.bot().id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    public ResultPage<BotView> mine(@BeanParam @Valid PageParameters paging) {
        return bots.mine(caller.get(), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public BotView get(@PathParam("id") long id) {
        return bots.get(caller.get(), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BotView update(@PathParam("id") long id, @NotNull @Valid BotRequests.Update request) {
        return bots.update(caller.get(), id, request);
    }

    @POST
    @Path("{id}/token")
    public BotRequests.WithToken newToken(@PathParam("id") long id) {
        return bots.newToken(caller.get(), id);
    }

    @DELETE
    @Path("{id}/token")
    public Response revokeToken(@PathParam("id") long id) {
        bots.revokeToken(caller.get(), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        bots.delete(caller.get(), id);
        return Response.noContent().build();
    }

    // A bot's outgoing events (bots.events): here, under the same root as the bot itself.

    @POST
    @Path("{id}/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@PathParam("id") long bot, @NotNull @Valid SubscribeRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(subscriptionsOf.subscribe(caller.get(), bot, request.url(), request.events()))
                .build();
    }

    @GET
    @Path("{id}/subscriptions")
    public List<Subscriptions.SubscriptionView> subscriptions(@PathParam("id") long bot) {
        return subscriptionsOf.list(caller.get(), bot);
    }

    @DELETE
    @Path("{id}/subscriptions/{subscription}")
    public Response unsubscribe(@PathParam("id") long bot, @PathParam("subscription") long subscription) {
        subscriptionsOf.delete(caller.get(), bot, subscription);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/subscriptions/{subscription}/secret")
    public Subscriptions.WithSecret newSubscriptionSecret(
            @PathParam("id") long bot, @PathParam("subscription") long subscription) {
        return subscriptionsOf.newSecret(caller.get(), bot, subscription);
    }

    @POST
    @Path("{id}/subscriptions/{subscription}/enable")
    public Subscriptions.SubscriptionView enableSubscription(
            @PathParam("id") long bot, @PathParam("subscription") long subscription) {
        return subscriptionsOf.enable(caller.get(), bot, subscription);
    }

    @GET
    @Path("{id}/deliveries")
    public ResultPage<Subscriptions.DeliveryView> deliveries(
            @PathParam("id") long bot, @BeanParam @Valid PageParameters paging) {
        return subscriptionsOf.deliveries(caller.get(), bot, paging.page(), paging.size());
    }

    @POST
    @Path("{id}/deliveries/{delivery}/replay")
    public Response replay(@PathParam("id") long bot, @PathParam("delivery") long delivery) {
        return Response.accepted(subscriptionsOf.replay(caller.get(), bot, delivery))
                .build();
    }
}

package chat.plume.bots;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** {@code /bots}: the caller's own bots (see {@link Bots}). */
@Path("bots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BotsResource {

    @Inject
    Bots bots;

    @Inject
    CurrentCaller caller;

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
}

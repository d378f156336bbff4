package chat.plume.messaging;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.rest.KeysetParameters;
import chat.plume.platform.rest.NextPage;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /conversations}: the caller's conversations, opening one, pin and mute, history pages,
 * who read a message, and search. Sending goes over the WebSocket ({@code send}).
 */
@Path("conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    /** {@code POST /conversations}: with a friend ({@code userId}) or a group ({@code groupId}). */
    public record Open(Long userId, Long groupId) {}

    /** {@code PUT /conversations/{id}/settings}: absent fields stay as they are. */
    public record Preferences(Boolean pinned, Boolean muted) {}

    private static final String POSITION = "^\\d{1,18}$";

    @Inject
    Conversations conversations;

    @Inject
    Messages messages;

    @Inject
    ConversationList list;

    @Inject
    MessageSearch search;

    @Inject
    PinnedMessages pins;

    @Inject
    CurrentCaller caller;

    /**
     * A page of the caller's conversations (pinned first, then by latest activity); when more
     * follow, a {@code Link: <…?cursor=…>; rel="next"} header names the next page.
     */
    @GET
    public Response list(
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Pattern(regexp = PageParameters.LIMIT, message = PageParameters.LIMIT_MESSAGE)
                    String limit,
            @QueryParam("cursor") @Size(max = 100) String cursor,
            @Context UriInfo uri) {
        ConversationList.Page page = list.page(caller.get().accountId(), cursor, Integer.parseInt(limit));
        Response.ResponseBuilder answer = Response.ok(page.conversations());
        if (page.next() != null) {
            answer.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("cursor", page.next())
                            .build(),
                    "next");
        }
        return answer.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MessagingViews.Conversation open(@NotNull @Valid Open open) {
        if ((open.userId() == null) == (open.groupId() == null)) {
            throw new InvalidInputException("invalid_input", "userId", "Give either userId or groupId.");
        }
        return open.userId() != null
                ? conversations.openDirect(caller.get(), open.userId())
                : conversations.openGroup(caller.get(), open.groupId());
    }

    @GET
    @Path("{id}")
    public MessagingViews.Conversation get(@PathParam("id") long id) {
        return conversations.get(caller.get(), id);
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public MessagingViews.Conversation settings(@PathParam("id") long id, @NotNull @Valid Preferences preferences) {
        return conversations.settings(caller.get(), id, preferences.pinned(), preferences.muted());
    }

    /** History: {@code after} to catch up (oldest first), {@code before} to scroll back, neither for the newest. */
    @GET
    @Path("{id}/messages")
    public MessagingViews.Page history(
            @PathParam("id") long id,
            @QueryParam("before") @Pattern(regexp = POSITION, message = "must be a sequence number") String before,
            @QueryParam("after") @Pattern(regexp = POSITION, message = "must be a sequence number") String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Pattern(regexp = "^([1-9]\\d?|100)$", message = "must be 1 to 100")
                    String limit) {
        return messages.history(
                caller.get(),
                id,
                before == null ? null : Long.valueOf(before),
                after == null ? null : Long.valueOf(after),
                Integer.parseInt(limit));
    }

    /** The chat's pinned messages, the newest pin first (changes arrive as {@code pins} frames). */
    @GET
    @Path("{id}/pins")
    public List<MessagingViews.Pin> pins(@PathParam("id") long id) {
        return pins.pins(caller.get(), id);
    }

    /**
     * A page of who has read up to a message, by account id ({@code after}, {@code limit}), with
     * how many have in all; {@code next} (and a {@code Link} header) names the next page.
     */
    @GET
    @Path("{id}/messages/{seq}/readers")
    public Response readers(
            @PathParam("id") long id,
            @PathParam("seq") long seq,
            @BeanParam @Valid KeysetParameters paging,
            @Context UriInfo uri) {
        MessagingViews.Readers page = messages.readers(caller.get(), id, seq, paging.after(), paging.limit());
        return NextPage.of(page, page.next(), uri);
    }

    /** Search in one conversation ({@code conversation}) or all of the caller's. */
    @GET
    @Path("search")
    public List<MessagingViews.Hit> search(
            @QueryParam("q")
                    @NotNull
                    @Size(min = 1, max = 100)
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String query,
            @QueryParam("conversation") @Pattern(regexp = POSITION, message = "must be a conversation id")
                    String conversation) {
        return search.search(caller.get(), conversation == null ? null : Long.valueOf(conversation), query, 50);
    }
}

package chat.plume.media;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.MissingEntityException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code /avatars}: setting one's own avatar or a group's (any image, cropped square and scaled
 * to 256×256 server-side), and fetching people's and groups' avatars. Without one, the page
 * draws initials on a colour.
 */
@Path("avatars")
@Authenticated
public class AvatarsResource {

    @Inject
    Uploads uploads;

    @Inject
    Downloads downloads;

    @Inject
    Accounts accounts;

    @Inject
    GroupAvatars groups;

    @Inject
    MediaStore store;

    @Inject
    CurrentCaller caller;

    @PUT
    @Path("me")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public MediaView mine(
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @Pattern(regexp = "^\\d{1,18}$", message = "must be a number")
                    String length,
            InputStream body) {
        return uploads.uploadAvatar(caller.get(), body, length == null ? -1 : Long.parseLong(length));
    }

    @PUT
    @Path("groups/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public MediaView group(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @Pattern(regexp = "^\\d{1,18}$", message = "must be a number")
                    String length,
            InputStream body) {
        return uploads.uploadGroupAvatar(caller.get(), id, body, length == null ? -1 : Long.parseLong(length));
    }

    @GET
    @Path("users/{id}")
    public Response user(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(accounts.publicProfile(id).avatar(), ifNoneMatch);
    }

    @GET
    @Path("groups/{id}")
    public Response groupAvatar(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(groups.of(id), ifNoneMatch);
    }

    private Response serve(Long mediaId, String ifNoneMatch) {
        if (mediaId == null) {
            throw new MissingEntityException("avatar_not_found", "No avatar.");
        }
        Media avatar = downloads.avatar(mediaId);
        return MediaResponses.serve(store, avatar.contentHash(), "image/png", "avatar.png", true, null, ifNoneMatch);
    }
}

package chat.plume.media;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.MissingEntityException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code /media}: uploading a file or image into a conversation (the raw bytes as the body, so
 * that they stream and the page can show progress), and fetching it or its thumbnail.
 */
@Path("media")
@Authenticated
public class MediaResource {

    @Inject
    Uploads uploads;

    @Inject
    Downloads downloads;

    @Inject
    MediaStore store;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @QueryParam("conversation") @NotNull @Pattern(regexp = "^\\d{1,18}$", message = "must be a conversation id")
                    String conversation,
            @QueryParam("name") @NotNull @Size(min = 1, max = 1000) String name,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @Pattern(regexp = "^\\d{1,18}$", message = "must be a number")
                    String length,
            InputStream body) {
        MediaView media = uploads.upload(
                caller.get(), Long.parseLong(conversation), body, length == null ? -1 : Long.parseLong(length), name);
        return Response.status(Response.Status.CREATED).entity(media).build();
    }

    @GET
    @Path("{id}")
    public Response download(
            @PathParam("id") long id,
            @HeaderParam("Range") String range,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return MediaResponses.upload(store, downloads.authorize(caller.get(), id), range, ifNoneMatch);
    }

    @GET
    @Path("{id}/thumbnail")
    public Response thumbnail(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Media media = downloads.authorize(caller.get(), id);
        if (media.thumbnailHash() == null) {
            throw new MissingEntityException("media_not_found", "This file has no thumbnail.");
        }
        String type = "image/jpeg".equals(media.contentType()) ? "image/jpeg" : "image/png";
        return MediaResponses.serve(store, media.thumbnailHash(), type, "thumbnail", true, null, ifNoneMatch);
    }
}

package chat.plume.bots;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PayloadTooLargeException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /hooks}: making, listing, revoking incoming webhooks (signed in), and posting through
 * one ({@code POST /hooks/{id}}, no session: the secret in the {@code X-Plume-Hook-Secret}
 * header, or {@code Authorization: Bearer}; never in the URL, which ends up in logs).
 */
@Path("hooks")
@Produces(MediaType.APPLICATION_JSON)
public class HooksResource {

    /** The largest post body: a message is at most 10,000 characters, with room for JSON around it. */
    static final int MAX_POST_BYTES = 48 * 1024;

    static final String SECRET_HEADER = "X-Plume-Hook-Secret";

    /** {@code POST /hooks}. */
    public record CreateRequest(
            @NotNull Long conversation,
            @NotNull Long bot,

            @NotNull
            @Size(min = 1, max = 64)
            @Pattern(
                    regexp = "^[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*$",
                    message = "must not be blank or contain control characters")
            String name) {}

    @Inject
    Hooks hooks;

    @Inject
    CurrentCaller caller;

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateRequest request) {
        Hooks.WithSecret made = hooks.create(caller.get(), request.conversation(), request.bot(), request.name());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Authenticated
    public List<HookView> of(@QueryParam("conversation") @NotNull Long conversation) {
        return hooks.of(caller.get(), conversation);
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public Response revoke(@PathParam("id") long id) {
        hooks.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Authenticated
    public Hooks.WithSecret newSecret(@PathParam("id") long id) {
        return hooks.newSecret(caller.get(), id);
    }

    /** Posts {@code {"text": "…"}} as the hook's bot: 201 with the new message, 200 for a retry of one. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(
            @PathParam("id") long id,
            @HeaderParam(SECRET_HEADER) String secretHeader,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri,
            InputStream body) {
        if (uri.getQueryParameters().values().stream()
                        .flatMap(List::stream)
                        .anyMatch(v -> v.startsWith(HookSecrets.PREFIX))
                || uri.getQueryParameters().containsKey("secret")) {
            throw new InvalidInputException(
                    "secret_in_url",
                    null,
                    "Send the hook's secret in the " + SECRET_HEADER
                            + " header, never in the URL (URLs end up in logs).");
        }
        if (idempotencyKey != null && !idempotencyKey.matches("^[\\x21-\\x7e]{1,255}$")) {
            throw new InvalidInputException(
                    "invalid_input", "Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        String secret = secretHeader != null
                ? secretHeader.strip()
                : authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? authorization.substring(7).strip()
                        : null;
        Hooks.Posted posted = hooks.post(id, secret, idempotencyKey, text(body));
        return Response.status(posted.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(posted)
                .build();
    }

    /** The {@code text} of a post body no larger than {@value #MAX_POST_BYTES} bytes. */
    static String text(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_POST_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException("malformed_request", null, "The request body could not be read.");
        }
        if (bytes.length > MAX_POST_BYTES) {
            throw new PayloadTooLargeException(
                    "too_large", "A hook's post is at most " + MAX_POST_BYTES / 1024 + " KiB.");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for malformed text, and a bare RuntimeException from Parsson for
            // nesting past 1,000 levels: both are the sender's mistake, not the server's.
            throw new InvalidInputException(
                    "malformed_request", null, "The body is not valid JSON: {\"text\": \"…\"}.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(
                    "malformed_request", null, "The body must be a JSON object: {\"text\": \"…\"}.");
        }
        JsonObject json = value.asJsonObject();
        JsonValue text = json.get("text");
        if (!(text instanceof JsonString string) || string.getString().isBlank()) {
            throw new InvalidInputException("invalid_input", "text", "text must be a non-blank string.");
        }
        return string.getString();
    }
}

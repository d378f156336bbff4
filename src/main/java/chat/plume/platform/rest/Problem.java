package chat.plume.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN built from {@code code}; {@code
 * field} names the input at fault and {@code errors} lists every violation when there are
 * several.
 */
public record Problem(
        String type, String title, int status, String detail, String code, String field, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One violated rule of one input field. */
    public record FieldError(String field, String message) {}

    public static Problem of(int status, String code, String detail, String field) {
        return new Problem(
                "urn:plume:problem:" + code,
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                status,
                detail,
                code,
                field,
                null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, field, fieldErrors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}

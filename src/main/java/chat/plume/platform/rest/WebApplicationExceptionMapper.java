package chat.plume.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (unknown path, wrong method, wrong media type, a body the JSON binding
 * could not read) become problem details instead of the container's HTML error pages.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "malformed_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "request_refused";
        };
        String detail = switch (status) {
            case 400 -> MalformedBody.describe(e);
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 415 -> "Send the body as application/json.";
            default ->
                Response.Status.fromStatusCode(status) == null
                        ? "The request was refused."
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        Response.ResponseBuilder response =
                Problem.of(status, code, detail, MalformedBody.fieldOf(e)).toResponse();
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }
}

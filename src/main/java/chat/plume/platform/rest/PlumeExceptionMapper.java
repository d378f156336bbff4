package chat.plume.platform.rest;

import chat.plume.platform.error.PlumeException;
import chat.plume.platform.error.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business refusal becomes a problem detail with its own status and code. */
@Provider
public class PlumeExceptionMapper implements ExceptionMapper<PlumeException> {

    @Override
    public Response toResponse(PlumeException e) {
        Response.ResponseBuilder response =
                Problem.of(e.status(), e.code(), e.getMessage(), e.field()).toResponse();
        if (e instanceof RateLimitedException limited) {
            response.header(
                    HttpHeaders.RETRY_AFTER, Math.max(1, limited.retryAfter().toSeconds()));
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"plume\"");
        }
        return response.build();
    }
}

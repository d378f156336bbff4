package chat.plume.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Same as {@link BodyReadFailureMapper}, for providers that let JSON-B's exception through. */
@Provider
public class JsonbFailureMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return MalformedBody.problem(e);
    }
}

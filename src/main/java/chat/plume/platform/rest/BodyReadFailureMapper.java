package chat.plume.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape, is the client's fault: 400. */
@Provider
public class BodyReadFailureMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        return MalformedBody.problem(e);
    }
}

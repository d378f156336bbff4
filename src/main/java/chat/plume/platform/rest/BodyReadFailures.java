package chat.plume.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body that cannot be read (not JSON, or a value of the wrong type) is the client's
 * fault: it becomes a 400 {@code malformed_request}. Only failures while <em>reading</em> are
 * turned into 400s; a failure while writing a response stays a server error.
 */
@Provider
public class BodyReadFailures implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException e) {
            throw new BadRequestException(MalformedBody.describe(e), e);
        }
    }
}

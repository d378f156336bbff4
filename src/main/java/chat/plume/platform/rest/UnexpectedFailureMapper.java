package chat.plume.platform.rest;

import chat.plume.platform.error.DatabaseOutage;
import chat.plume.platform.error.LockContention;
import chat.plume.platform.error.PlumeException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A known failure wrapped by the EJB container is unwrapped and mapped as
 * itself; anything else is a bug: it is logged once with an incident id, and the client gets
 * only that id, never a stack trace.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != failure
                && (cause instanceof PlumeException
                        || cause instanceof WebApplicationException
                        || cause instanceof ConstraintViolationException)) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null) {
                return mapper.toResponse(cause);
            }
        }
        if (LockContention.causedBy(failure)) {
            // Nothing was stored; the same request may simply be tried again, as over the WebSocket.
            return Problem.of(429, "busy", "The server is busy; try again.", null)
                    .toResponse()
                    .header("Retry-After", "1")
                    .build();
        }
        if (DatabaseOutage.causedBy(failure)) {
            DatabaseOutage.report(failure);
            return Problem.of(503, "unavailable", "The service is unavailable for a moment; try again.", null)
                    .toResponse()
                    .header("Retry-After", "5")
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(500, "internal_error", "Something went wrong on our side (incident " + incident + ").", null)
                .toResponse()
                .build();
    }
}

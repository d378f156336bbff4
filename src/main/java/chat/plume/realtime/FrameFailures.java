package chat.plume.realtime;

import chat.plume.platform.error.DatabaseOutage;
import chat.plume.platform.error.LockContention;
import chat.plume.platform.error.PlumeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a handler's failure into the error frame that names the request, whether the handler
 * failed while handling the frame or later, when work it handed off (a send) completed: a
 * business refusal keeps its code, a lock timeout is {@code busy} (nothing was stored; the client
 * retries with the same id), the database out of reach is {@code unavailable} (nothing was
 * stored either; retry later), anything else is an {@code internal_error} with an incident id that
 * is also in the log.
 */
@ApplicationScoped
public class FrameFailures {

    private static final Logger LOG = Logger.getLogger(FrameFailures.class.getName());

    public void answer(FrameContext connection, String type, String frameId, Throwable failure) {
        PlumeException known = unwrap(failure);
        if (known != null) {
            connection.reply(new Frames.Error(frameId, known.code(), known.getMessage()));
        } else if (LockContention.causedBy(failure)) {
            connection.reply(new Frames.Error(frameId, "busy", "The server is busy; try again."));
        } else if (DatabaseOutage.causedBy(failure)) {
            DatabaseOutage.report(failure);
            connection.reply(
                    new Frames.Error(frameId, "unavailable", "The service is unavailable for a moment; try again."));
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Frame handler for " + type + " failed, incident " + incident, failure);
            connection.reply(new Frames.Error(
                    frameId, "internal_error", "Something went wrong on our side (incident " + incident + ")."));
        }
    }

    /** An EJB boundary (or a completed future) may hand a business refusal back wrapped; find it. */
    private static PlumeException unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PlumeException known) {
                return known;
            }
        }
        return null;
    }
}

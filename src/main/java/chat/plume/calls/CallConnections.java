package chat.plume.calls;

import chat.plume.platform.events.ConnectionClosed;
import chat.plume.platform.events.ConnectionOpened;
import chat.plume.realtime.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls follow devices: a device that connects is told of the calls ringing for its person or
 * that its person is in (it rings too, or offers to take the call over), and a device whose
 * connection closes starts the grace after which its person is dropped from their calls.
 */
@ApplicationScoped
public class CallConnections {

    private static final Logger LOG = Logger.getLogger(CallConnections.class.getName());

    @Inject
    Calls calls;

    @Inject
    CallTimeouts timeouts;

    @Inject
    Dispatcher dispatcher;

    void opened(@Observes ConnectionOpened opened) {
        try {
            for (CallView call : calls.engaged(opened.accountId())) {
                dispatcher.toConnection(opened.accountId(), opened.connectionId(), CallFrames.CallFrame.push(call));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell a new connection of its calls", e);
        }
    }

    void closed(@Observes ConnectionClosed closed) {
        try {
            timeouts.deviceLost(closed.accountId(), closed.connectionId());
        } catch (RuntimeException e) {
            // Rare (the database is down): the person stays in the call until someone hangs up.
            LOG.log(Level.WARNING, "Could not mark a closed connection's calls", e);
        }
    }
}

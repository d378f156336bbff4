package chat.plume.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/** Delivers to this node's connections. The frame is encoded once, whatever the number of recipients. */
@ApplicationScoped
public class LocalDispatcher implements Dispatcher {

    @Inject
    ConnectionRegistry registry;

    @Inject
    FrameCodec codec;

    @Inject
    RealtimeMetrics metrics;

    @Override
    public void toUser(long accountId, Object frame) {
        toUsers(List.of(accountId), frame);
    }

    @Override
    public void toEveryone(Object frame) {
        String text = codec.encode(frame);
        int sent = 0;
        for (Connection connection : registry.all()) {
            connection.sendText(text);
            sent++;
        }
        metrics.pushed(frame, sent);
    }

    @Override
    public void toConnection(long accountId, String connectionId, Object frame) {
        registry.connection(accountId, connectionId).ifPresent(connection -> connection.send(frame));
    }

    @Override
    public void toUsers(Collection<Long> accountIds, Object frame) {
        String text = null;
        int sent = 0;
        for (long accountId : accountIds) {
            for (Connection connection : registry.connectionsOf(accountId)) {
                if (text == null) {
                    text = codec.encode(frame);
                }
                connection.sendText(text);
                sent++;
            }
        }
        metrics.pushed(frame, sent);
    }
}

package chat.plume.realtime;

import chat.plume.platform.events.PresenceDirectory;
import chat.plume.platform.events.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Delivers the features' {@link Push} events once their transaction has committed, and answers
 * who is online. The only way business state reaches connections.
 */
@ApplicationScoped
public class PushDelivery implements PresenceDirectory {

    @Inject
    Dispatcher dispatcher;

    @Inject
    ConnectionRegistry registry;

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) Push push) {
        dispatcher.toUsers(push.recipients(), push.frame());
    }

    @Override
    public boolean isOnline(long accountId) {
        return registry.isOnline(accountId);
    }
}

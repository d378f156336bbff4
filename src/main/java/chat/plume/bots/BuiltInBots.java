package chat.plume.bots;

import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.MessagingFrames;
import chat.plume.messaging.MessagingViews;
import chat.plume.social.friends.FriendFrames;
import chat.plume.social.friends.FriendRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Starts a bot that comes with Plume (the assistant, the AI assistant): its account, made at the
 * first start and found at the later ones, served through the {@link BotInbox}. A built-in bot
 * accepts every friend request to it, and is handed every new message of the conversations it is
 * in but its own.
 */
@ApplicationScoped
public class BuiltInBots {

    private static final Logger LOG = Logger.getLogger(BuiltInBots.class.getName());

    @Inject
    Bots bots;

    @Inject
    BotInbox inbox;

    @Inject
    FriendRequests friendRequests;

    /** The bot as a caller of the boundaries, serving; empty when a person's account has the name. */
    public Optional<Caller> start(
            String username,
            String displayName,
            String description,
            int threads,
            BiConsumer<Caller, MessagingViews.Message> onMessage) {
        Optional<Long> id;
        try {
            id = bots.builtIn(username, displayName, description);
        } catch (RuntimeException raced) {
            // Another node made it at the same moment: it is there now.
            id = bots.builtIn(username, displayName, description);
        }
        if (id.isEmpty()) {
            LOG.warning("@" + username + " is off: a person's account has that name");
            return Optional.empty();
        }
        Caller me = Caller.bot(id.get(), username);
        inbox.serve(me.accountId(), threads, frame -> {
            if (frame instanceof FriendFrames.RequestChanged changed
                    && "pending".equals(changed.request().status())
                    && changed.request().to().id() == me.accountId()) {
                friendRequests.accept(me, changed.request().id());
            } else if (frame instanceof MessagingFrames.NewMessage created
                    && created.message().sender() != null
                    && created.message().sender() != me.accountId()) {
                onMessage.accept(me, created.message());
            }
        });
        return Optional.of(me);
    }
}

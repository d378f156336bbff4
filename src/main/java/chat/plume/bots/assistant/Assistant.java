package chat.plume.bots.assistant;

import chat.plume.bots.BotSettings;
import chat.plume.bots.BuiltInBots;
import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Conversations;
import chat.plume.messaging.MessagingViews;
import chat.plume.messaging.Outgoing;
import chat.plume.messaging.Sends;
import chat.plume.platform.error.PlumeException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The assistant {@code @plume}: made at the first start (unless {@code plume.bots.assistant} is
 * off), then served here through the {@link BotInbox}. It accepts friend requests; in a chat with
 * it every message is for it, in a group only commands ({@code /…}) and mentions of it. Each
 * answer quotes the message it answers and is sent under a client message id made from that
 * message, so a push handled twice still answers once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Assistant {

    private static final Logger LOG = Logger.getLogger(Assistant.class.getName());
    public static final String USERNAME = "plume";

    @Inject
    BotSettings settings;

    @Inject
    BuiltInBots builtIn;

    @Inject
    Sends sends;

    @Inject
    Conversations conversations;

    @Inject
    Reminders reminders;

    private volatile Caller self;

    @PostConstruct
    void start() {
        if (!settings.assistant()) {
            LOG.info("The assistant is off (plume.bots.assistant=false)");
            return;
        }
        self = builtIn.start(USERNAME, "Plume", "Plume's assistant: /help", 2, this::answer)
                .orElse(null);
    }

    /** The assistant as a caller of the boundaries, while it is on. */
    public Optional<Caller> self() {
        return Optional.ofNullable(self);
    }

    private void answer(Caller me, MessagingViews.Message message) {
        if (!"text".equals(message.kind()) || message.body() == null) {
            return;
        }
        boolean group =
                "group".equals(conversations.get(me, message.conversation()).kind());
        // In a group: a mention, or one of its own commands (another bot's /deploy is not for it).
        boolean forMe = !group
                || AssistantCommands.isMine(message.body(), USERNAME)
                || (message.mentions() != null && message.mentions().contains(me.accountId()));
        if (!forMe) {
            return;
        }
        AssistantCommands.Answer answer =
                AssistantCommands.answer(message.body(), USERNAME, ThreadLocalRandom.current());
        if (answer instanceof AssistantCommands.Poll poll) {
            try {
                sends.send(Outgoing.poll(
                        me,
                        message.conversation(),
                        "plume-re-" + message.id(),
                        new Outgoing.Poll(poll.question(), poll.options()),
                        message.seq()));
                return;
            } catch (PlumeException refused) {
                answer = new AssistantCommands.Say(refused.getMessage());
            }
        }
        String reply = answer instanceof AssistantCommands.Remind remind
                ? remind(message, remind)
                : ((AssistantCommands.Say) answer).text();
        try {
            sends.send(new Outgoing(
                    me, message.conversation(), "plume-re-" + message.id(), reply, message.seq(), List.of(), null));
        } catch (PlumeException refused) {
            LOG.log(Level.FINE, "The assistant's answer was refused: " + refused.code(), refused);
        }
    }

    private String remind(MessagingViews.Message message, AssistantCommands.Remind remind) {
        try {
            LocalDateTime due = reminders.set(message.sender(), message.conversation(), remind.in(), remind.text());
            return "⏰ I'll remind this chat in " + AssistantCommands.human(remind.in()) + " ("
                    + due.withNano(0).toInstant(ZoneOffset.UTC) + ").";
        } catch (PlumeException refused) {
            return refused.getMessage();
        }
    }
}

package chat.plume.bots.ai;

import chat.plume.bots.BuiltInBots;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.DisplayNames;
import chat.plume.messaging.Conversations;
import chat.plume.messaging.Messages;
import chat.plume.messaging.MessagingViews;
import chat.plume.messaging.Outgoing;
import chat.plume.messaging.Sends;
import chat.plume.messaging.Sent;
import chat.plume.platform.error.PlumeException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AI assistant {@code @plume_ai}: made at the first start with {@code plume.ai.base-url}
 * set, served through the {@link BotInbox}. In a chat with it every text is a question; in a
 * group, a message that mentions it. It answers with the conversation's latest messages it can
 * see as context: it first sends "…", then edits that message as the answer streams in (at most
 * a few edits a second), and says plainly when the model fails or takes too long.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AiAssistant {

    private static final Logger LOG = Logger.getLogger(AiAssistant.class.getName());
    public static final String USERNAME = "plume_ai";
    static final long EDIT_EVERY_MILLIS = 400;
    private static final String SYSTEM = "You are Plume AI, an assistant in a chat app. Answer briefly and helpfully,"
            + " in the language of the question. In a group, people's messages start with their name.";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BuiltInBots builtIn;

    @Inject
    Sends sends;

    @Inject
    Messages messages;

    @Inject
    Conversations conversations;

    @Inject
    DisplayNames displayNames;

    private AiSettings settings;
    private ChatModel model;
    private Semaphore answering;
    private volatile Caller self;

    @PostConstruct
    void start() {
        settings = AiSettings.fromConfiguration();
        if (!settings.enabled()) {
            return;
        }
        model = new ChatModel(settings, scheduler);
        answering = new Semaphore(settings.concurrent());
        self = builtIn.start(
                        USERNAME,
                        "Plume AI",
                        "Ask me anything: mention me in a group, or write to me.",
                        settings.concurrent() + 1,
                        (me, m) -> {
                            if (isQuestion(me, m)) {
                                answer(me, m);
                            }
                        })
                .orElse(null);
        if (self != null) {
            LOG.info(() -> "The AI assistant answers with " + settings);
        }
    }

    private boolean isQuestion(Caller me, MessagingViews.Message message) {
        if (!"text".equals(message.kind())
                || message.body() == null
                || message.body().isBlank()) {
            return false;
        }
        if (message.mentions() != null && message.mentions().contains(me.accountId())) {
            return true;
        }
        // A group's messages name their sender; without a mention they are not for the assistant.
        return message.senderName() == null
                && "direct".equals(conversations.get(me, message.conversation()).kind());
    }

    private void answer(Caller me, MessagingViews.Message question) {
        long conversation = question.conversation();
        Sent placeholder;
        try {
            placeholder = sends.send(
                    new Outgoing(me, conversation, "ai-re-" + question.id(), "…", question.seq(), List.of(), null));
        } catch (PlumeException refused) {
            LOG.log(Level.FINE, "The AI assistant may not answer here: " + refused.code(), refused);
            return;
        }
        if (placeholder.duplicate()) {
            return; // answered (or answering) already
        }
        long seq = placeholder.message().seq();
        if (!answering.tryAcquire()) {
            edit(me, conversation, seq, "⚠️ I am answering too many questions right now; ask me again in a moment.");
            return;
        }
        try {
            List<ChatModel.Turn> turns = context(me, conversation, seq, question.senderName() != null);
            long[] lastEdit = {0};
            String answer = model.answer(turns, soFar -> {
                long now = System.currentTimeMillis();
                if (now - lastEdit[0] >= EDIT_EVERY_MILLIS) {
                    lastEdit[0] = now;
                    edit(me, conversation, seq, soFar + " …");
                }
            });
            edit(me, conversation, seq, answer.isBlank() ? "(The AI model gave an empty answer.)" : answer);
        } catch (ChatModel.Failure failure) {
            LOG.info(() -> "The AI model failed: " + failure.getMessage());
            edit(me, conversation, seq, "⚠️ " + failure.getMessage());
        } finally {
            answering.release();
        }
    }

    /** The system prompt and the conversation's latest messages before the answer, oldest first. */
    private List<ChatModel.Turn> context(Caller me, long conversation, long answerSeq, boolean group) {
        List<ChatModel.Turn> turns = new ArrayList<>();
        turns.add(new ChatModel.Turn("system", SYSTEM));
        for (MessagingViews.Message m : messages.history(me, conversation, answerSeq, null, settings.contextMessages())
                .messages()) {
            if (m.recalled() || m.hidden() || m.body() == null || !"text".equals(m.kind())) {
                continue;
            }
            boolean mine = m.sender() != null && m.sender() == me.accountId();
            // In a group the model is told who said what (the history names nobody: the page knows the members).
            String said =
                    mine || !group || m.sender() == null ? m.body() : displayNames.of(m.sender()) + ": " + m.body();
            turns.add(new ChatModel.Turn(mine ? "assistant" : "user", said));
        }
        return turns;
    }

    private void edit(Caller me, long conversation, long seq, String text) {
        try {
            messages.edit(me, conversation, seq, text);
        } catch (PlumeException refused) {
            LOG.log(Level.FINE, "The AI assistant's edit was refused: " + refused.code(), refused);
        }
    }
}

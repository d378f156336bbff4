package chat.plume.messaging;

import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.Push;
import chat.plume.realtime.FrameContext;
import chat.plume.realtime.FrameFields;
import chat.plume.realtime.FrameHandler;
import chat.plume.realtime.FrameHandlers;
import chat.plume.realtime.InboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The WebSocket side of messaging: each handler reads its frame, calls the boundary with the
 * connection's authenticated caller (never a sender named in the frame) and answers naming the
 * request. The boundaries commit before the handler answers, so an {@code ack} always means
 * "stored". Sends go through the {@link MessageWriter} and are answered when it has committed them.
 */
@ApplicationScoped
public class MessageFrameHandlers implements FrameHandlers {

    /** Typing is relayed at most this often per connection. */
    private static final Duration TYPING_INTERVAL = Duration.ofSeconds(2);

    @Inject
    Messages messages;

    @Inject
    MessageWriter writer;

    @Inject
    Conversations conversations;

    @Inject
    ConversationList list;

    @Inject
    Event<Push> push;

    @Override
    public Map<String, FrameHandler> handlers() {
        return Map.of(
                "send",
                this::send,
                "read",
                this::read,
                "edit",
                this::edit,
                "recall",
                this::recall,
                "history",
                this::history,
                "sync",
                this::sync,
                "typing",
                this::typing);
    }

    /** {@code send} → {@code ack} (the same ack again for a resend with the same client message id). */
    void send(FrameContext connection, InboundFrame frame) {
        Outgoing outgoing = new Outgoing(
                connection.caller(),
                conversation(frame),
                FrameFields.string(frame, "clientMessageId"),
                FrameFields.optionalString(frame, "body"),
                FrameFields.optionalNumber(frame, "replyTo"),
                FrameFields.numbers(frame, "mentions"),
                FrameFields.optionalNumber(frame, "media"));
        answerWhenStored(connection, frame, () -> writer.submit(outgoing));
    }

    /**
     * Answers a send (or forward) with {@code ack} when the writer has committed it (with others,
     * in one transaction); this connection's next frames are handled meanwhile. Past 100 waiting:
     * busy, at once.
     */
    static void answerWhenStored(FrameContext connection, InboundFrame frame, Supplier<CompletionStage<Sent>> store) {
        // Deferred before submitting: a connection with too many waiting is refused before anything is stored.
        FrameContext.DeferredAnswer answer = connection.defer(frame);
        store.get().whenComplete((sent, failure) -> {
            if (failure != null) {
                answer.fail(failure);
                return;
            }
            MessagingViews.Message m = sent.message();
            answer.answer(new MessagingFrames.Ack(
                    "ack",
                    frame.id(),
                    m.conversation(),
                    m.seq(),
                    m.id(),
                    m.clientMessageId(),
                    m.createdAt(),
                    sent.duplicate()));
        });
    }

    /** {@code read}: the caller has seen everything up to {@code seq}. */
    void read(FrameContext connection, InboundFrame frame) {
        messages.read(connection.caller(), conversation(frame), FrameFields.number(frame, "seq"));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    void edit(FrameContext connection, InboundFrame frame) {
        messages.edit(
                connection.caller(),
                conversation(frame),
                FrameFields.number(frame, "seq"),
                FrameFields.string(frame, "body"));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code recall} (撤回). */
    void recall(FrameContext connection, InboundFrame frame) {
        messages.recall(connection.caller(), conversation(frame), FrameFields.number(frame, "seq"));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code history}: a page after ({@code after}) or before ({@code before}) a position. */
    void history(FrameContext connection, InboundFrame frame) {
        MessagingViews.Page page = messages.history(
                connection.caller(),
                conversation(frame),
                FrameFields.optionalNumber(frame, "before"),
                FrameFields.optionalNumber(frame, "after"),
                limit(frame, 50, MessagingSettings.PAGE_LIMIT));
        connection.reply(new MessagingFrames.History(
                "history", frame.id(), page.conversation(), page.messages(), page.hasMore()));
    }

    /** {@code sync}: every conversation with its newest sequence number and the caller's read position. */
    void sync(FrameContext connection, InboundFrame frame) {
        ConversationList.Page page = list.page(
                connection.accountId(),
                FrameFields.optionalString(frame, "cursor"),
                limit(frame, ConversationList.DEFAULT_PAGE, ConversationList.MAX_PAGE));
        connection.reply(new MessagingFrames.Sync("sync", frame.id(), page.conversations(), page.next()));
    }

    /** {@code typing} in a direct conversation: relayed to the other person; clients let it expire by itself. */
    void typing(FrameContext connection, InboundFrame frame) {
        long conversationId = conversation(frame);
        if (connection.onceEvery("typing", TYPING_INTERVAL)) {
            conversations
                    .peerIn(conversationId, connection.accountId())
                    .filter(peer -> conversations.mayTalk(connection.accountId(), peer))
                    .ifPresent(peer -> push.fire(Push.to(
                            List.of(peer), new MessagingFrames.Typing(conversationId, connection.accountId()))));
        }
        answerIfAsked(connection, frame);
    }

    /** Typing needs no answer; a client that gave it an id gets {@code ok}, as every request does. */
    private static void answerIfAsked(FrameContext connection, InboundFrame frame) {
        if (frame.id() != null) {
            connection.reply(new MessagingFrames.Ok(frame.id()));
        }
    }

    /** A page size: absent means {@code fallback}; outside 1 to {@code max} is refused, as REST refuses it. */
    private static int limit(InboundFrame frame, int fallback, int max) {
        Long limit = FrameFields.optionalNumber(frame, "limit");
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("invalid_input", "limit", "limit must be 1 to " + max + ".");
        }
        return limit.intValue();
    }

    private static long conversation(InboundFrame frame) {
        return FrameFields.number(frame, "conversation");
    }
}

package chat.plume.messaging;

import chat.plume.realtime.Connection;
import chat.plume.realtime.FrameFields;
import chat.plume.realtime.FrameHandler;
import chat.plume.realtime.InboundFrame;
import chat.plume.platform.events.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The WebSocket side of messaging: each handler reads its frame, calls the boundary with the
 * connection's authenticated caller (never a sender named in the frame) and answers naming the
 * request. The boundaries commit before the handler answers, so an {@code ack} always means
 * "stored".
 */
public final class MessageFrameHandlers {

    private MessageFrameHandlers() {
    }

    /** {@code send} → {@code ack} (the same ack again for a resend with the same client message id). */
    @ApplicationScoped
    public static class SendHandler implements FrameHandler {
        @Inject
        Messages messages;

        @Override
        public String type() {
            return "send";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            Messages.Sent sent = messages.send(connection.caller(), FrameFields.number(frame, "conversation"),
                    FrameFields.string(frame, "clientMessageId"), FrameFields.string(frame, "body"),
                    FrameFields.optionalNumber(frame, "replyTo"), FrameFields.numbers(frame, "mentions"));
            MessagingViews.Message m = sent.message();
            connection.send(new MessagingFrames.Ack("ack", frame.id(), m.conversation(), m.seq(), m.id(),
                    m.clientMessageId(), m.createdAt(), sent.duplicate()));
        }
    }

    /** {@code read}: the caller has seen everything up to {@code seq}. */
    @ApplicationScoped
    public static class ReadHandler implements FrameHandler {
        @Inject
        Messages messages;

        @Override
        public String type() {
            return "read";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            messages.read(connection.caller(), FrameFields.number(frame, "conversation"), FrameFields.number(frame, "seq"));
            connection.send(new MessagingFrames.Ok(frame.id()));
        }
    }

    /** {@code edit}: new text for one's own message. */
    @ApplicationScoped
    public static class EditHandler implements FrameHandler {
        @Inject
        Messages messages;

        @Override
        public String type() {
            return "edit";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            messages.edit(connection.caller(), FrameFields.number(frame, "conversation"), FrameFields.number(frame, "seq"),
                    FrameFields.string(frame, "body"));
            connection.send(new MessagingFrames.Ok(frame.id()));
        }
    }

    /** {@code recall} (撤回). */
    @ApplicationScoped
    public static class RecallHandler implements FrameHandler {
        @Inject
        Messages messages;

        @Override
        public String type() {
            return "recall";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            messages.recall(connection.caller(), FrameFields.number(frame, "conversation"), FrameFields.number(frame, "seq"));
            connection.send(new MessagingFrames.Ok(frame.id()));
        }
    }

    /** {@code history}: a page after ({@code after}) or before ({@code before}) a position. */
    @ApplicationScoped
    public static class HistoryHandler implements FrameHandler {
        @Inject
        Messages messages;

        @Override
        public String type() {
            return "history";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            Long limit = FrameFields.optionalNumber(frame, "limit");
            MessagingViews.Page page = messages.history(connection.caller(), FrameFields.number(frame, "conversation"),
                    FrameFields.optionalNumber(frame, "before"), FrameFields.optionalNumber(frame, "after"),
                    limit == null ? 50 : (int) Math.min(limit, MessagingSettings.PAGE_LIMIT));
            connection.send(new MessagingFrames.History("history", frame.id(), page.conversation(), page.messages(),
                    page.hasMore()));
        }
    }

    /** {@code sync}: every conversation with its newest sequence number and the caller's read position. */
    @ApplicationScoped
    public static class SyncHandler implements FrameHandler {
        @Inject
        Conversations conversations;

        @Override
        public String type() {
            return "sync";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            connection.send(new MessagingFrames.Sync("sync", frame.id(), conversations.list(connection.caller())));
        }
    }

    /**
     * {@code typing} in a direct conversation: relayed to the other person, at most once every two
     * seconds per connection; clients let it expire by itself.
     */
    @ApplicationScoped
    public static class TypingHandler implements FrameHandler {
        private static final long MIN_INTERVAL_NANOS = 2_000_000_000L;

        @Inject
        Conversations conversations;

        @Inject
        Event<Push> push;

        @Override
        public String type() {
            return "typing";
        }

        @Override
        public void handle(Connection connection, InboundFrame frame) {
            long conversationId = FrameFields.number(frame, "conversation");
            long[] last = connection.attribute("typing.last", () -> new long[] {System.nanoTime() - MIN_INTERVAL_NANOS});
            long now = System.nanoTime();
            synchronized (last) {
                if (now - last[0] < MIN_INTERVAL_NANOS) {
                    return;
                }
                last[0] = now;
            }
            MessagingViews.Conversation conversation = conversations.get(connection.caller(), conversationId);
            if (conversation.peer() != null) {
                push.fire(Push.to(List.of(conversation.peer().id()),
                        new MessagingFrames.Typing(conversationId, connection.accountId())));
            }
        }
    }
}

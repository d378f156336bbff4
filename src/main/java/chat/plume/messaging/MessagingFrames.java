package chat.plume.messaging;

import java.time.Instant;
import java.util.List;

/** The frames of messaging (docs/protocol.md, "Messaging"). */
public final class MessagingFrames {

    private MessagingFrames() {}

    /** A new message, pushed to every connection of every member (the sender's other devices too). */
    public record NewMessage(String type, MessagingViews.Message message) {
        NewMessage(MessagingViews.Message message) {
            this("message", message);
        }
    }

    /** A message was edited or recalled; the message as it is now. */
    public record MessageUpdated(String type, MessagingViews.Message message) {
        MessageUpdated(MessagingViews.Message message) {
            this("message.updated", message);
        }
    }

    /** The recipient deleted a message for themselves (sent to their own devices only). */
    public record MessageHidden(String type, long conversation, long seq) {
        MessageHidden(long conversation, long seq) {
            this("message.hidden", conversation, seq);
        }
    }

    /** A chat's pinned messages changed; the whole list, the newest pin first. */
    public record Pins(String type, long conversation, List<MessagingViews.Pin> pins) {
        Pins(long conversation, List<MessagingViews.Pin> pins) {
            this("pins", conversation, pins);
        }
    }

    /** The answer to {@code send}: the message is stored under this sequence number. */
    public record Ack(
            String type,
            String id,
            long conversation,
            long seq,
            long messageId,
            String clientMessageId,
            Instant createdAt,
            boolean duplicate) {}

    /**
     * Someone's read position moved: sent to the reader's own connections (unread counts on
     * every device) and, in a direct conversation, to the other person (read receipts).
     */
    public record Read(String type, long conversation, long user, long seq) {
        Read(long conversation, long user, long seq) {
            this("read", conversation, user, seq);
        }
    }

    /** The other person of a direct conversation is typing (expires by itself after a few seconds). */
    public record Typing(String type, long conversation, long user) {
        Typing(long conversation, long user) {
            this("typing", conversation, user);
        }
    }

    /** The caller pinned, muted, or otherwise changed a conversation; their other devices follow. */
    public record ConversationUpdated(String type, MessagingViews.Conversation conversation) {
        ConversationUpdated(MessagingViews.Conversation conversation) {
            this("conversation.updated", conversation);
        }
    }

    /** The answer to {@code history}. */
    public record History(
            String type, String id, long conversation, List<MessagingViews.Message> messages, boolean hasMore) {}

    /** The answer to {@code sync}: every conversation with its last sequence number and read position. */
    /** A page of the caller's conversations; {@code next} is the cursor of the following page, absent at the end. */
    public record Sync(String type, String id, List<MessagingViews.Conversation> conversations, String next) {}

    /** A poll's standing changed: the votes for each option and how many voted (pushed to everyone in the conversation). */
    public record PollUpdated(String type, long conversation, long seq, List<Integer> votes, int voters) {
        public PollUpdated(long conversation, long seq, List<Integer> votes, int voters) {
            this("poll.updated", conversation, seq, votes, voters);
        }
    }

    /** The answer to {@code poll.vote}: the standing, with the voter's own choice. */
    public record PollVoted(String type, String id, long conversation, long seq, MessagingViews.PollView poll) {
        public PollVoted(String id, long conversation, long seq, MessagingViews.PollView poll) {
            this("poll.voted", id, conversation, seq, poll);
        }
    }

    /** A plain answer naming the request, for requests with nothing else to say. */
    public record Ok(String type, String id) {
        public Ok(String id) {
            this("ok", id);
        }
    }
}

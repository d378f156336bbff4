package chat.plume.messaging;

import chat.plume.identity.boundary.PublicProfile;
import chat.plume.media.MediaView;
import java.time.Instant;
import java.util.List;

/** What the messaging API and its frames show. */
public final class MessagingViews {

    private MessagingViews() {}

    /**
     * A message. {@code body} is absent once recalled; for {@code kind = system} it is a small
     * JSON object the client turns into a sentence ({@code {"event":"joined","user":7}}).
     * {@code readCount} is filled in for the reader's own messages in groups (how many others
     * have read up to it). {@code media} describes the image or file of an image or file message
     * (absent once recalled); its bytes are at {@code /api/v1/media/{id}}. {@code senderName} is
     * the sender's display name, given with a group conversation's last message in the list (so
     * that its preview can say who wrote it before the group's members are loaded).
     * {@code forwarded} says it is a copy of another message (转发); {@code reactions} are the
     * emoji people answered it with; {@code hidden} marks a message the reader deleted for
     * themselves (only its place is shown); {@code poll} is a poll's standing (a {@code poll}
     * message: its body holds the question and the options).
     */
    public record Message(
            long id,
            long conversation,
            long seq,
            Long sender,
            String clientMessageId,
            String kind,
            String body,
            Long replyTo,
            List<Long> mentions,
            Instant createdAt,
            Instant editedAt,
            boolean recalled,
            Integer readCount,
            MediaView media,
            String senderName,
            boolean forwarded,
            List<Reaction> reactions,
            boolean hidden,
            PollView poll) {

        /** The same message, naming its sender. */
        public Message withSenderName(String name) {
            return new Message(
                    id,
                    conversation,
                    seq,
                    sender,
                    clientMessageId,
                    kind,
                    body,
                    replyTo,
                    mentions,
                    createdAt,
                    editedAt,
                    recalled,
                    readCount,
                    media,
                    name,
                    forwarded,
                    reactions,
                    hidden,
                    poll);
        }

        /** The same poll message, with the reader's own vote (null: none). */
        public Message withMyVote(Integer mine) {
            return poll == null
                    ? this
                    : new Message(
                            id,
                            conversation,
                            seq,
                            sender,
                            clientMessageId,
                            kind,
                            body,
                            replyTo,
                            mentions,
                            createdAt,
                            editedAt,
                            recalled,
                            readCount,
                            media,
                            senderName,
                            forwarded,
                            reactions,
                            hidden,
                            new PollView(poll.votes(), poll.voters(), mine));
        }

        /**
         * What someone who deleted this message for themselves sees in its place: its position
         * (so that a client finds no gap in the sequence) and nothing of its content.
         */
        public Message hiddenPlaceholder() {
            return new Message(
                    id,
                    conversation,
                    seq,
                    sender,
                    null,
                    kind,
                    null,
                    null,
                    List.of(),
                    createdAt,
                    null,
                    recalled,
                    null,
                    null,
                    null,
                    false,
                    List.of(),
                    true,
                    null);
        }
    }

    /**
     * A poll's standing: the votes for each option (in the order of the options in the body), how
     * many people voted, and — in a reader's own history — which option they chose.
     */
    public record PollView(List<Integer> votes, int voters, Integer mine) {}

    /**
     * The reactions to a message with one emoji: how many, and who (the first
     * {@value chat.plume.messaging.MessageViews#REACTORS_SHOWN} to react).
     */
    public record Reaction(String emoji, int count, List<Long> users) {}

    /** A message pinned to the top of a chat, by whom and when. */
    public record Pin(Message message, long by, Instant at) {}

    /**
     * A conversation in the caller's list. {@code peer} is set for direct conversations,
     * {@code group} for group ones. {@code unread} counts messages after {@code readSeq};
     * {@code mentionsMe} says whether one of those @mentions the caller.
     */
    public record Conversation(
            long id,
            String kind,
            PublicProfile peer,
            GroupRef group,
            long lastSeq,
            long readSeq,
            long unread,
            Message lastMessage,
            Instant lastMessageAt,
            boolean pinned,
            boolean muted,
            Long peerReadSeq,
            boolean mentionsMe) {}

    /** Which group a group conversation belongs to. */
    public record GroupRef(long id, String name, long number, Long avatar) {}

    /** A page of history, oldest first; {@code hasMore} says whether more lies in the direction asked. */
    public record Page(long conversation, List<Message> messages, boolean hasMore) {}

    /**
     * A page of who has read a message of a group (by account id), {@code count} of them in all;
     * {@code next}: the key of the next page, null (left out of the JSON) on the last.
     */
    public record Readers(long conversation, long seq, long count, List<PublicProfile> readers, Long next) {}

    /** One search hit. */
    public record Hit(Message message, String conversationTitle) {}
}

package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import java.util.List;

/**
 * One send as the {@link MessageWriter} queues it and {@link Sends} stores it: a text, an upload, a
 * forward or a poll, under the sender's client message id.
 */
public record Outgoing(
        Caller caller,
        long conversationId,
        String clientMessageId,
        String body,
        Long replyTo,
        List<Long> mentions,
        Long mediaId,
        Forward forward,
        Poll poll) {

    /** A new message of the sender's own (not a forward). */
    public Outgoing(
            Caller caller,
            long conversationId,
            String clientMessageId,
            String body,
            Long replyTo,
            List<Long> mentions,
            Long mediaId) {
        this(caller, conversationId, clientMessageId, body, replyTo, mentions, mediaId, null, null);
    }

    /** A copy of message {@code seq} of conversation {@code conversation} (转发). */
    public static Outgoing forward(Caller caller, long into, String clientMessageId, Forward from) {
        return new Outgoing(caller, into, clientMessageId, null, null, List.of(), null, from, null);
    }

    /** A poll: a question and its options, which everyone in the conversation can vote on. */
    public static Outgoing poll(Caller caller, long into, String clientMessageId, Poll poll, Long replyTo) {
        return new Outgoing(caller, into, clientMessageId, null, replyTo, List.of(), null, null, poll);
    }

    /** A poll's question and options (2 to {@value #MAX_OPTIONS}), stored as the message's body. */
    public record Poll(String question, List<String> options) {

        public static final int MAX_OPTIONS = 10;
        public static final int QUESTION_MAX = 200;
        public static final int OPTION_MAX = 100;

        String json() {
            var array = jakarta.json.Json.createArrayBuilder();
            options.forEach(array::add);
            return jakarta.json.Json.createObjectBuilder()
                    .add("question", question)
                    .add("options", array)
                    .build()
                    .toString();
        }
    }

    /** Which message a forward copies. */
    public record Forward(long conversation, long seq) {}
}

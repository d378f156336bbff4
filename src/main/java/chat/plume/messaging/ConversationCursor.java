package chat.plume.messaging;

import chat.plume.platform.error.InvalidInputException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a page of someone's conversations ends, in the list's order (pinned first, then the most
 * recent activity, then the highest id), so that the next page starts right after it whatever
 * changed meanwhile. Opaque to clients: {@code <pinned 0|1>~<activity>~<id>}.
 */
record ConversationCursor(boolean pinned, LocalDateTime activityAt, long conversationId) {

    static ConversationCursor after(ConversationMember membership, Conversation conversation) {
        return new ConversationCursor(membership.pinned(), conversation.activityAt(), conversation.id());
    }

    String encode() {
        return (pinned ? "1" : "0") + "~" + activityAt + "~" + conversationId;
    }

    /** Reads a cursor a client sent back; a damaged one is refused, never guessed at. */
    static ConversationCursor decode(String text) {
        String[] parts = text == null ? new String[0] : text.split("~", -1);
        try {
            if (parts.length == 3 && (parts[0].equals("0") || parts[0].equals("1"))) {
                return new ConversationCursor(
                        parts[0].equals("1"), LocalDateTime.parse(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // falls through to the refusal
        }
        throw new InvalidInputException("invalid_cursor", "cursor", "This cursor was not made by the server.");
    }
}

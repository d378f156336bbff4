package chat.plume.messaging;

import chat.plume.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a message's own fields, which need no database: applied by {@link Sends} to every
 * send, whoever sends it; edits apply {@link #requireText} when stored.
 */
@ApplicationScoped
public class SendRules {

    /** Client message ids: the client's own idempotency keys, e.g. a UUID. */
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    @Inject
    MessagingSettings settings;

    /**
     * Everything about a send that can be refused without the database: the client id, and the
     * text, which is required unless the message carries media (then a blank caption is none).
     */
    public void check(Outgoing outgoing) {
        String clientMessageId = outgoing.clientMessageId();
        if (clientMessageId == null || !CLIENT_ID.matcher(clientMessageId).matches()) {
            throw new InvalidInputException(
                    "invalid_input", "clientMessageId", "clientMessageId must be 1 to 64 letters, digits, '-' or '_'.");
        }
        String body = outgoing.body();
        if (outgoing.poll() != null) {
            checkPoll(outgoing.poll());
            return;
        }
        if (outgoing.forward() != null) {
            // A forward carries no content of its own: it copies the message it names.
            if (body != null || outgoing.mediaId() != null || outgoing.replyTo() != null) {
                throw new InvalidInputException(
                        "invalid_input",
                        "body",
                        "A forward copies a message; it has no body, media or reply of its own.");
            }
            return;
        }
        if (outgoing.mediaId() == null || (body != null && !body.isBlank())) {
            requireText(body);
        }
    }

    /** A question, and 2 to 10 different options, each of visible text within its length. */
    static void checkPoll(Outgoing.Poll poll) {
        if (poll.question() == null
                || poll.question().isBlank()
                || poll.question().codePointCount(0, poll.question().length()) > Outgoing.Poll.QUESTION_MAX) {
            throw new InvalidInputException(
                    "invalid_poll",
                    "question",
                    "A poll asks a question of 1 to " + Outgoing.Poll.QUESTION_MAX + " characters.");
        }
        List<String> options = poll.options();
        if (options == null || options.size() < 2 || options.size() > Outgoing.Poll.MAX_OPTIONS) {
            throw new InvalidInputException(
                    "invalid_poll", "options", "A poll has 2 to " + Outgoing.Poll.MAX_OPTIONS + " options.");
        }
        if (options.stream()
                        .anyMatch(o ->
                                o == null || o.isBlank() || o.codePointCount(0, o.length()) > Outgoing.Poll.OPTION_MAX)
                || options.stream().distinct().count() != options.size()) {
            throw new InvalidInputException(
                    "invalid_poll",
                    "options",
                    "Each option is 1 to " + Outgoing.Poll.OPTION_MAX + " characters, and no two are the same.");
        }
    }

    public String requireText(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("empty_message", "body", "A message needs some text.");
        }
        if (body.codePointCount(0, body.length()) > settings.maxLength()) {
            throw new InvalidInputException(
                    "message_too_long", "body", "A message has at most " + settings.maxLength() + " characters.");
        }
        return body;
    }
}

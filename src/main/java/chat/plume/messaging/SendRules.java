package chat.plume.messaging;

import chat.plume.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    public void check(Sends.Outgoing outgoing) {
        String clientMessageId = outgoing.clientMessageId();
        if (clientMessageId == null || !CLIENT_ID.matcher(clientMessageId).matches()) {
            throw new InvalidInputException(
                    "invalid_input", "clientMessageId", "clientMessageId must be 1 to 64 letters, digits, '-' or '_'.");
        }
        String body = outgoing.body();
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

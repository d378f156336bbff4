package chat.plume.messaging;

import chat.plume.platform.error.InvalidInputException;
import chat.plume.realtime.FrameContext;
import chat.plume.realtime.FrameFields;
import chat.plume.realtime.FrameHandler;
import chat.plume.realtime.FrameHandlers;
import chat.plume.realtime.InboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The WebSocket side of what people do with messages once sent: react, pin, delete for
 * oneself, forward, vote in a poll. As for sending, the caller is the connection's authenticated person.
 */
@ApplicationScoped
public class MessageActionFrameHandlers implements FrameHandlers {

    @Inject
    MessageReactions reactions;

    @Inject
    PinnedMessages pins;

    @Inject
    HiddenMessages hidden;

    @Inject
    MessageWriter writer;

    @Inject
    Polls polls;

    @Override
    public Map<String, FrameHandler> handlers() {
        return Map.of(
                "react", this::react,
                "pin", this::pin,
                "hide", this::hide,
                "forward", this::forward,
                "poll.vote", this::vote);
    }

    /** {@code poll.vote}: a vote for {@code option} (from 0), or none ({@code null}: the vote taken back). */
    void vote(FrameContext connection, InboundFrame frame) {
        long conversation = FrameFields.number(frame, "conversation");
        long seq = FrameFields.number(frame, "seq");
        JsonValue option = frame.body().get("option");
        Integer chosen;
        if (option == null || option.getValueType() == JsonValue.ValueType.NULL) {
            chosen = null;
        } else if (option instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0 && n.longValue() < 100) {
            chosen = n.intValue();
        } else {
            throw new InvalidInputException("invalid_option", "option", "option is the number of an option, or null.");
        }
        MessagingViews.PollView standing = polls.vote(connection.caller(), conversation, seq, chosen);
        connection.reply(new MessagingFrames.PollVoted(frame.id(), conversation, seq, standing));
    }

    /** {@code react}: adds an emoji reaction ({@code on}, the default) or takes it back. */
    void react(FrameContext connection, InboundFrame frame) {
        reactions.react(
                connection.caller(),
                FrameFields.number(frame, "conversation"),
                FrameFields.number(frame, "seq"),
                FrameFields.string(frame, "emoji"),
                on(frame));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code pin}: pins ({@code on}, the default) or unpins a message of the chat. */
    void pin(FrameContext connection, InboundFrame frame) {
        pins.pin(
                connection.caller(),
                FrameFields.number(frame, "conversation"),
                FrameFields.number(frame, "seq"),
                on(frame));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code hide}: deletes a message for the caller only. */
    void hide(FrameContext connection, InboundFrame frame) {
        hidden.hide(connection.caller(), FrameFields.number(frame, "conversation"), FrameFields.number(frame, "seq"));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /**
     * {@code forward}: a copy of {@code from} ({@code {"conversation":…,"seq":…}}) as a new message
     * in {@code conversation}, sent like any message (an {@code ack}, resent under the same client
     * message id until acknowledged).
     */
    void forward(FrameContext connection, InboundFrame frame) {
        JsonObject from = FrameFields.object(frame, "from");
        Outgoing outgoing = Outgoing.forward(
                connection.caller(),
                FrameFields.number(frame, "conversation"),
                FrameFields.string(frame, "clientMessageId"),
                new Outgoing.Forward(whole(from, "conversation"), whole(from, "seq")));
        MessageFrameHandlers.answerWhenStored(connection, frame, () -> writer.submit(outgoing));
    }

    private static boolean on(InboundFrame frame) {
        JsonValue on = frame.body().get("on");
        if (on == null || on == JsonValue.TRUE) {
            return true;
        }
        if (on == JsonValue.FALSE) {
            return false;
        }
        throw new InvalidInputException("invalid_input", "on", "on must be true or false.");
    }

    private static long whole(JsonObject object, String name) {
        if (object.get(name) instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw new InvalidInputException("invalid_input", "from", "from." + name + " must be a whole number.");
    }
}

package chat.plume.bots.events;

import chat.plume.messaging.MessagingFrames;
import chat.plume.messaging.MessagingViews;
import chat.plume.social.groups.GroupFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a push to a bot means as an outgoing event: {@code message.created}, {@code
 * message.edited}, {@code message.recalled}, {@code member.joined}, and {@code command} for a
 * slash command addressed to the bot ({@code /cmd} in a chat with it, {@code /cmd@botname}
 * anywhere). The bot's own doings are not told back to it.
 *
 * @param data the event's {@code data}: a record or map, encoded to JSON once
 */
public record BotEvent(String type, Long conversation, Object data) {

    public static final Set<String> TYPES =
            Set.of("message.created", "message.edited", "message.recalled", "member.joined", "command");

    /** The events a push to bot {@code botId} (called {@code username}) stands for; none for most pushes. */
    static List<BotEvent> of(Object frame, long botId, String username) {
        List<BotEvent> events = new ArrayList<>(2);
        if (frame instanceof MessagingFrames.NewMessage created) {
            MessagingViews.Message m = created.message();
            if (m.sender() == null || m.sender() == botId) {
                return events;
            }
            events.add(new BotEvent("message.created", m.conversation(), m));
            command(m, username).ifPresent(c -> events.add(new BotEvent("command", m.conversation(), c)));
        } else if (frame instanceof MessagingFrames.MessageUpdated updated) {
            MessagingViews.Message m = updated.message();
            if (m.sender() != null && m.sender() != botId && (m.recalled() || m.editedAt() != null)) {
                events.add(new BotEvent(m.recalled() ? "message.recalled" : "message.edited", m.conversation(), m));
            }
        } else if (frame instanceof GroupFrames.MemberChanged changed && "group.member.joined".equals(changed.type())) {
            events.add(new BotEvent("member.joined", null, changed));
        }
        return events;
    }

    /**
     * A slash command addressed to the bot: {@code /cmd@username args} anywhere, or {@code /cmd args}
     * in a one-to-one chat (a group's messages name their sender; a chat's do not).
     */
    static java.util.Optional<Map<String, Object>> command(MessagingViews.Message m, String username) {
        if (m.body() == null || !m.body().startsWith("/") || !"text".equals(m.kind())) {
            return java.util.Optional.empty();
        }
        String[] words = m.body().strip().split("\\s+", 2);
        String command = words[0];
        int at = command.indexOf('@');
        if (at >= 0) {
            if (!command.substring(at + 1).toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
                return java.util.Optional.empty();
            }
            command = command.substring(0, at);
        } else if (m.senderName() != null) {
            return java.util.Optional.empty();
        }
        if (command.length() < 2 || command.length() > 33) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Map.of(
                "command", command.toLowerCase(Locale.ROOT), "text", words.length > 1 ? words[1] : "", "message", m));
    }
}

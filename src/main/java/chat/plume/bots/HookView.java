package chat.plume.bots;

import chat.plume.platform.Timestamps;
import java.time.Instant;

/** A hook as the people who manage its conversation see it (never its secret). */
public record HookView(
        long id, String name, long conversation, long bot, long creator, Instant createdAt, Instant lastUsedAt) {

    static HookView of(Hook hook) {
        return new HookView(
                hook.id(),
                hook.name(),
                hook.conversationId(),
                hook.botId(),
                hook.creatorId(),
                Timestamps.toInstant(hook.createdAt()),
                Timestamps.toInstant(hook.lastUsedAt()));
    }
}

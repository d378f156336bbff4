package chat.plume.messaging;

import chat.plume.media.Media;
import chat.plume.media.MediaView;
import chat.plume.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns stored messages into what the API and frames show. A list of messages costs one query
 * for all of their media, whatever its length.
 */
@ApplicationScoped
public class MessageViews {

    @PersistenceContext
    EntityManager em;

    public MessagingViews.Message of(Message message) {
        return all(List.of(message), m -> null).get(0);
    }

    /** Views of several messages; {@code readCounts} gives each one's read count (or null). */
    public List<MessagingViews.Message> all(List<Message> messages, Function<Message, Integer> readCounts) {
        List<Long> mediaIds = messages.stream()
                .filter(m -> !m.isRecalled())
                .map(Message::mediaId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, MediaView> media = mediaIds.isEmpty()
                ? Map.of()
                : em.createQuery("select m from Media m where m.id in :ids", Media.class)
                        .setParameter("ids", mediaIds)
                        .getResultStream()
                        .collect(Collectors.toMap(Media::id, MediaView::of));
        return messages.stream()
                .map(m -> view(m, readCounts.apply(m), m.mediaId() == null ? null : media.get(m.mediaId())))
                .toList();
    }

    private static MessagingViews.Message view(Message m, Integer readCount, MediaView media) {
        List<Long> mentioned = m.mentions() == null
                ? List.of()
                : Arrays.stream(m.mentions().split(",")).map(Long::valueOf).toList();
        return new MessagingViews.Message(
                m.id(),
                m.conversationId(),
                m.seq(),
                m.senderId(),
                m.clientMessageId(),
                m.kind().name().toLowerCase(Locale.ROOT),
                m.isRecalled() ? null : m.body(),
                m.replyToSeq(),
                mentioned,
                Timestamps.toInstant(m.createdAt()),
                Timestamps.toInstant(m.editedAt()),
                m.isRecalled(),
                readCount,
                m.isRecalled() ? null : media,
                null);
    }
}

package chat.plume.messaging;

import chat.plume.media.Media;
import chat.plume.media.MediaView;
import chat.plume.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** How many of the people who reacted a view names, per message (the counts are always exact). */
    public static final int REACTORS_SHOWN = 20;

    @PersistenceContext
    EntityManager em;

    public MessagingViews.Message of(Message message) {
        return all(List.of(message), m -> null).get(0);
    }

    /**
     * The view of a message stored just now, on the send path: it can have no reactions yet, so
     * none are looked up (a query saved on every send).
     */
    public MessagingViews.Message ofNew(Message message) {
        return views(List.of(message), m -> null, false).get(0);
    }

    /** Views of several messages; {@code readCounts} gives each one's read count (or null). */
    public List<MessagingViews.Message> all(List<Message> messages, Function<Message, Integer> readCounts) {
        return views(messages, readCounts, true);
    }

    private List<MessagingViews.Message> views(
            List<Message> messages, Function<Message, Integer> readCounts, boolean withReactions) {
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
        Map<Long, List<MessagingViews.Reaction>> reactions = withReactions ? reactions(messages) : Map.of();
        Map<Long, MessagingViews.PollView> polls = polls(messages);
        return messages.stream()
                .map(m -> view(
                        m,
                        readCounts.apply(m),
                        m.mediaId() == null ? null : media.get(m.mediaId()),
                        reactions.getOrDefault(m.id(), List.of()),
                        polls.get(m.id())))
                .toList();
    }

    /**
     * The reactions to each of these messages, in two bounded queries: exact counts per emoji
     * (grouped in the database), and the first people to react, at most {@value #REACTORS_SHOWN}
     * rows per message — a page of history never loads every reaction of a busy group.
     */
    private Map<Long, List<MessagingViews.Reaction>> reactions(List<Message> messages) {
        List<Long> ids = messages.stream()
                .filter(m -> !m.isRecalled() && m.id() != null)
                .map(Message::id)
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Count(long message, String emoji, long count, LocalDateTime first) {}
        List<Count> counts = em.createQuery(
                        "select r.messageId, r.emoji, count(r), min(r.createdAt) from Reaction r"
                                + " where r.messageId in :messages group by r.messageId, r.emoji",
                        Object[].class)
                .setParameter("messages", ids)
                .getResultStream()
                .map(row -> new Count(
                        (Long) row[0], (String) row[1], ((Number) row[2]).longValue(), (LocalDateTime) row[3]))
                .sorted(Comparator.comparing(Count::first))
                .toList();
        if (counts.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, List<Long>>> who = new HashMap<>();
        em.createNamedQuery(Reaction.OF_MESSAGES, Reaction.class)
                .setParameter("messages", ids)
                .setMaxResults(ids.size() * REACTORS_SHOWN)
                .getResultStream()
                .forEach(r -> {
                    List<Long> users = who.computeIfAbsent(r.messageId(), id -> new HashMap<>())
                            .computeIfAbsent(r.emoji(), e -> new ArrayList<>());
                    if (users.size() < REACTORS_SHOWN) {
                        users.add(r.accountId());
                    }
                });
        Map<Long, List<MessagingViews.Reaction>> views = new LinkedHashMap<>();
        for (Count c : counts) {
            views.computeIfAbsent(c.message(), id -> new ArrayList<>())
                    .add(new MessagingViews.Reaction(
                            c.emoji(),
                            (int) c.count(),
                            List.copyOf(who.getOrDefault(c.message(), Map.of()).getOrDefault(c.emoji(), List.of()))));
        }
        return views;
    }

    /** The standing of every poll among these messages, in one grouped query (none when there is no poll). */
    private Map<Long, MessagingViews.PollView> polls(List<Message> messages) {
        Map<Long, Integer> options = new HashMap<>();
        messages.stream()
                .filter(m -> m.kind() == MessageKind.POLL && !m.isRecalled() && m.id() != null)
                .forEach(m -> options.put(m.id(), Polls.optionCount(m.body())));
        if (options.isEmpty()) {
            return Map.of();
        }
        return Polls.standing(em, options);
    }

    /** An aggregate over a date-time column: a LocalDateTime on Hibernate, possibly a Timestamp elsewhere. */
    private static LocalDateTime time(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
    }

    private static MessagingViews.Message view(
            Message m,
            Integer readCount,
            MediaView media,
            List<MessagingViews.Reaction> reactions,
            MessagingViews.PollView poll) {
        List<Long> mentioned = m.mentionedIds();
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
                null,
                m.isForwarded(),
                m.isRecalled() ? List.of() : reactions,
                false,
                poll);
    }
}

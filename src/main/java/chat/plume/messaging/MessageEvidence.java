package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reported message as its reporter saw it, with the few messages around it: copied out when
 * the report is made, so that a later edit or recall cannot hide what was reported. Only a
 * participant of the conversation can take the copy, and it holds only what they could read.
 */
@Stateless
public class MessageEvidence {

    /** Messages kept on each side of the reported one. */
    public static final int AROUND = 3;

    /** How much of each surrounding message is kept (the reported one is kept whole). */
    static final int CONTEXT_CHARACTERS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    @Inject
    MessageViews views;

    @Inject
    Accounts accounts;

    /** One message of the copy: what it said and who said it, at the time of the report. */
    public record Line(
            long seq,
            Long senderId,
            String senderName,
            String kind,
            String body,
            Long mediaId,
            String mediaName,
            Instant createdAt,
            boolean edited,
            boolean recalled,
            boolean reported) {}

    /** The reported message ({@code lines} holds it at its place among its neighbours). */
    public record Evidence(long messageId, long conversationId, long seq, long senderId, List<Line> lines) {}

    /**
     * The copy of message {@code seq} of a conversation the reporter is in: 403 {@code forbidden}
     * when they are not, 404 when there is no such message, 409 {@code message_recalled} when it
     * is gone already, 400 {@code not_reportable} for Plume's own notices and one's own messages.
     */
    public Evidence capture(long reporterId, long conversationId, long seq) {
        conversations.require(conversationId, reporterId);
        Message reported = access.at(conversationId, seq);
        if (reported.isRecalled()) {
            throw new DuplicateEntityException("message_recalled", null, "This message was recalled.");
        }
        if (reported.senderId() == null || reported.isWrittenByPlume()) {
            throw new InvalidInputException("not_reportable", "seq", "Plume's own notices cannot be reported.");
        }
        if (reported.senderId() == reporterId) {
            throw new InvalidInputException("not_reportable", "seq", "You cannot report your own message.");
        }
        List<Message> before = new ArrayList<>(em.createNamedQuery(Message.BEFORE, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("before", seq)
                .setMaxResults(AROUND)
                .getResultList());
        Collections.reverse(before);
        List<Message> after = em.createNamedQuery(Message.AFTER, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("after", seq)
                .setMaxResults(AROUND)
                .getResultList();
        List<Message> all = new ArrayList<>(before);
        all.add(reported);
        all.addAll(after);
        Set<Long> senders = new HashSet<>();
        all.forEach(m -> {
            if (m.senderId() != null) {
                senders.add(m.senderId());
            }
        });
        Map<Long, PublicProfile> people = accounts.publicProfiles(senders);
        List<MessagingViews.Message> shown = views.all(all, m -> null);
        List<Line> lines = new ArrayList<>(shown.size());
        for (MessagingViews.Message m : shown) {
            boolean isReported = m.seq() == seq;
            PublicProfile sender = m.sender() == null ? null : people.get(m.sender());
            lines.add(new Line(
                    m.seq(),
                    m.sender(),
                    sender == null ? null : sender.displayName() + " (@" + sender.username() + ")",
                    m.kind(),
                    isReported ? m.body() : clip(m.body()),
                    m.media() == null ? null : m.media().id(),
                    m.media() == null ? null : m.media().name(),
                    m.createdAt(),
                    m.editedAt() != null,
                    m.recalled(),
                    isReported));
        }
        return new Evidence(reported.id(), conversationId, seq, reported.senderId(), lines);
    }

    private static String clip(String body) {
        if (body == null || body.length() <= CONTEXT_CHARACTERS) {
            return body;
        }
        int end = Character.isHighSurrogate(body.charAt(CONTEXT_CHARACTERS - 1))
                ? CONTEXT_CHARACTERS - 1
                : CONTEXT_CHARACTERS;
        return body.substring(0, end) + "…";
    }
}

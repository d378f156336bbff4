package chat.plume.messaging;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The "you were mentioned" marker of a chat ({@code conversation_member.mentioned_seq}). The send
 * path moves it forward (one statement per message that mentions someone); this puts it back when
 * the mentioning message is recalled, to the member's newest other unread mention among the
 * {@value #RECALL_WINDOW} messages before it, so a recalled @ no longer marks the chat.
 */
@Stateless
public class MentionMarkers {

    /** How far back a recall looks for an earlier unread mention: bounded, as the old marker search was. */
    static final int RECALL_WINDOW = 500;

    @PersistenceContext
    EntityManager em;

    /** A message was recalled: the markers it set, and only those, move back. */
    public void recalled(Message message) {
        List<Long> mentioned = message.mentionedIds();
        if (mentioned.isEmpty()) {
            return;
        }
        List<ConversationMember> marked = em.createQuery(
                        "select m from ConversationMember m where m.conversationId = :conversation"
                                + " and m.accountId in :accounts and m.mentionedSeq = :seq",
                        ConversationMember.class)
                .setParameter("conversation", message.conversationId())
                .setParameter("accounts", mentioned)
                .setParameter("seq", message.seq())
                .getResultList();
        if (marked.isEmpty()) {
            return;
        }
        long lowest =
                marked.stream().mapToLong(ConversationMember::readSeq).min().orElseThrow();
        List<Object[]> earlier = em.createQuery(
                        "select m.seq, m.mentions from Message m where m.conversationId = :conversation"
                                + " and m.seq > :from and m.seq < :seq and m.mentions is not null"
                                + " and m.recalledAt is null order by m.seq desc",
                        Object[].class)
                .setParameter("conversation", message.conversationId())
                .setParameter("from", Math.max(lowest, message.seq() - RECALL_WINDOW))
                .setParameter("seq", message.seq())
                .getResultList();
        for (ConversationMember member : marked) {
            long previous = earlier.stream()
                    .filter(row -> (Long) row[0] > member.readSeq()
                            && Message.mentionIds((String) row[1]).contains(member.accountId()))
                    .mapToLong(row -> (Long) row[0])
                    .findFirst()
                    .orElse(0);
            em.createNamedQuery(ConversationMember.SET_MENTIONED)
                    .setParameter("seq", previous)
                    .setParameter("conversation", message.conversationId())
                    .setParameter("account", member.accountId())
                    .setParameter("recalled", message.seq())
                    .executeUpdate();
        }
    }
}

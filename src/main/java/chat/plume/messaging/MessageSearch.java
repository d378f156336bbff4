package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.LikePattern;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Search in the text of messages: three queries whatever the number of hits. */
@Stateless
public class MessageSearch {

    @Inject
    HiddenMessages hiddenMessages;

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageViews views;

    @Inject
    ConversationList list;

    /**
     * Finds text in one conversation or all of the caller's. Plain case-insensitive matching is
     * enough on H2; on PostgreSQL this query is where full-text search takes over.
     */
    public List<MessagingViews.Hit> search(Caller caller, Long conversationId, String query, int limit) {
        String pattern = LikePattern.containing(query);
        TypedQuery<Message> search;
        if (conversationId != null) {
            conversations.require(conversationId, caller.accountId());
            search = em.createNamedQuery(Message.SEARCH, Message.class)
                    .setParameter("conversations", List.of(conversationId));
        } else {
            search = em.createNamedQuery(Message.SEARCH_MINE, Message.class).setParameter("me", caller.accountId());
        }
        List<Message> matching = search.setParameter("pattern", pattern)
                .setMaxResults(Math.max(1, Math.min(limit, MessagingSettings.PAGE_LIMIT)))
                .getResultList();
        // What the caller deleted for themselves is not found again.
        Set<Long> hidden = hiddenMessages.among(caller.accountId(), matching);
        List<Message> found =
                matching.stream().filter(m -> !hidden.contains(m.id())).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        List<Conversation> where = em.createQuery("select c from Conversation c where c.id in :ids", Conversation.class)
                .setParameter(
                        "ids",
                        found.stream().map(Message::conversationId).distinct().toList())
                .getResultList();
        Map<Long, String> titles = list.titles(caller.accountId(), where);
        List<MessagingViews.Message> shown = views.all(found, m -> null);
        List<MessagingViews.Hit> hits = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            hits.add(
                    new MessagingViews.Hit(shown.get(i), titles.get(found.get(i).conversationId())));
        }
        return hits;
    }
}

package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a group conversation in step with its group, inside the group change's own transaction:
 * its participants equal the group's members, and every change leaves a system notice ("Anna
 * joined") in the conversation's sequence.
 */
@Stateless
public class GroupConversations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageViews views;

    @Inject
    Event<Push> push;

    @Inject
    Accounts accounts;

    public void onGroupActivity(@Observes GroupActivity activity) {
        Conversation conversation = conversations.ofGroup(activity.groupId());
        switch (activity.type()) {
            case "joined" -> {
                if (conversations
                        .participant(conversation.id(), activity.user())
                        .isEmpty()) {
                    em.persist(new ConversationMember(
                            conversation.id(), activity.user(), conversation.lastSeq(), Timestamps.now()));
                    em.flush();
                }
                notice(conversation, activity);
            }
            case "left", "removed", "expelled" -> {
                notice(conversation, activity);
                em.createNamedQuery(ConversationMember.REMOVE)
                        .setParameter("conversation", conversation.id())
                        .setParameter("account", activity.user())
                        .executeUpdate();
            }
            case "dissolved", "closed" -> {
                notice(conversation, activity);
                em.createNamedQuery(ConversationMember.REMOVE_ALL)
                        .setParameter("conversation", conversation.id())
                        .executeUpdate();
            }
            default -> notice(conversation, activity);
        }
    }

    private static void named(JsonObjectBuilder body, String key, PublicProfile person) {
        if (person != null) {
            body.add(key, person.displayName());
        }
    }

    /** Writes the system notice as the conversation's next message and tells everyone it concerns. */
    private void notice(Conversation loaded, GroupActivity activity) {
        Conversation conversation = em.find(Conversation.class, loaded.id());
        // Locked and re-read: the instance may have been loaded before a concurrent send committed.
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE);
        JsonObjectBuilder body = Json.createObjectBuilder().add("event", activity.type());
        // Names as they were, beside the ids: a page that holds only some of a large group's
        // members can still say who joined, and who let them in.
        Map<Long, PublicProfile> people = accounts.publicProfiles(Stream.of(activity.user(), activity.by())
                .filter(Objects::nonNull)
                .toList());
        if (activity.user() != null) {
            body.add("user", activity.user());
            named(body, "userName", people.get(activity.user()));
        }
        if (activity.by() != null) {
            body.add("by", activity.by());
            named(body, "byName", people.get(activity.by()));
        }
        if (activity.detail() != null) {
            body.add("detail", activity.detail());
        }
        LocalDateTime now = Timestamps.now();
        Message message = new Message(
                conversation.id(),
                conversation.next(now),
                null,
                null,
                MessageKind.SYSTEM,
                body.build().toString(),
                null,
                null,
                now);
        em.persist(message);
        em.flush();
        Set<Long> audience = new LinkedHashSet<>(em.createNamedQuery(ConversationMember.ACCOUNTS, Long.class)
                .setParameter("conversation", conversation.id())
                .getResultList());
        if (activity.user() != null) {
            audience.add(activity.user());
        }
        push.fire(Push.ordered(
                audience, new MessagingFrames.NewMessage(views.of(message)), conversation.id(), message.seq()));
    }
}

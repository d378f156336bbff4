package chat.plume.social.friends;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.AccountRegistered;
import chat.plume.platform.events.Push;
import chat.plume.social.SocialSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Contact groups (分组): each person's own way of filing friends. The default group always
 * exists (made at registration, or on first use for accounts older than this feature) and
 * cannot be deleted; deleting another group moves its friends to the default group.
 */
@Stateless
public class ContactGroups {

    @PersistenceContext
    EntityManager em;

    @Inject
    SocialSettings settings;

    @Inject
    Event<Push> push;

    /** Every new account starts with its default group, in the registration transaction. */
    public void onRegistered(@Observes AccountRegistered registered) {
        defaultOf(registered.accountId());
    }

    public List<FriendViews.Group> list(long ownerId) {
        defaultOf(ownerId);
        return em.createNamedQuery(ContactGroup.OF_OWNER, ContactGroup.class)
                .setParameter("owner", ownerId)
                .getResultStream()
                .map(ContactGroups::view)
                .toList();
    }

    public FriendViews.Group create(Caller caller, String name) {
        List<FriendViews.Group> existing = list(caller.accountId());
        if (existing.size() >= settings.maxContactGroups()) {
            throw new DuplicateEntityException(
                    "too_many_contact_groups", "name", "At most " + settings.maxContactGroups() + " contact groups.");
        }
        requireUniqueName(existing, name, null);
        int position =
                existing.stream().mapToInt(FriendViews.Group::position).max().orElse(0) + 1;
        ContactGroup group = ContactGroup.named(caller.accountId(), name, position, Timestamps.now());
        em.persist(group);
        em.flush();
        announce(caller.accountId());
        return view(group);
    }

    public FriendViews.Group rename(Caller caller, long groupId, String name) {
        ContactGroup group = own(caller, groupId);
        requireUniqueName(list(caller.accountId()), name, groupId);
        group.rename(name);
        announce(caller.accountId());
        return view(group);
    }

    /** Deletes a group; its friends move to the default group. */
    public void delete(Caller caller, long groupId) {
        ContactGroup group = own(caller, groupId);
        if (group.isDefault()) {
            throw new InvalidInputException("default_group", "id", "The default group cannot be deleted.");
        }
        long fallback = defaultOf(caller.accountId()).id();
        em.createNamedQuery(Friendship.MOVE_ALL)
                .setParameter("target", fallback)
                .setParameter("owner", caller.accountId())
                .setParameter("source", groupId)
                .executeUpdate();
        em.remove(group);
        announce(caller.accountId());
    }

    /** The person's default group, made if it does not exist yet. */
    public ContactGroup defaultOf(long ownerId) {
        return em.createNamedQuery(ContactGroup.DEFAULT_OF, ContactGroup.class)
                .setParameter("owner", ownerId)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    ContactGroup created = ContactGroup.defaultOf(ownerId, Timestamps.now());
                    em.persist(created);
                    em.flush();
                    return created;
                });
    }

    /** A group of the caller's; someone else's group is as unknown as a missing one. */
    public ContactGroup own(Caller caller, long groupId) {
        ContactGroup group = em.find(ContactGroup.class, groupId);
        if (group == null || group.ownerId() != caller.accountId()) {
            throw new MissingEntityException("contact_group_not_found", "No such contact group.");
        }
        return group;
    }

    private void announce(long ownerId) {
        em.flush();
        push.fire(Push.to(ownerId, new FriendFrames.GroupsChanged(list(ownerId))));
    }

    private static void requireUniqueName(List<FriendViews.Group> groups, String name, Long except) {
        boolean taken = groups.stream()
                .anyMatch(g ->
                        g.name() != null && g.name().equalsIgnoreCase(name) && (except == null || g.id() != except));
        if (taken) {
            throw new DuplicateEntityException("contact_group_exists", "name", "A contact group of that name exists.");
        }
    }

    static FriendViews.Group view(ContactGroup group) {
        return new FriendViews.Group(group.id(), group.name(), group.isDefault(), group.position());
    }
}

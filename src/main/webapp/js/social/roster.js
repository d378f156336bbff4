// The signed-in person's friends as they see them: with their remark (备注) for each. Contacts
// fills it; everything that shows a person's name asks it, so that a remark wins everywhere
// (the chat list, a chat's header, the composer, mentions, a group's members).
const friends = new Map(); // user id → friend view ({ user, remark, contactGroupId, online, since })
const changes = new EventTarget();

export const roster = {
    /** Replaces the whole list (after loading every page of GET /friends). */
    replace(list) {
        friends.clear();
        for (const friend of list) friends.set(friend.user.id, friend);
        changes.dispatchEvent(new Event('change'));
    },

    friend(userId) {
        return friends.get(userId) ?? null;
    },

    all() {
        return [...friends.values()];
    },

    setOnline(userId, online) {
        const friend = friends.get(userId);
        if (!friend || friend.online === online) return false;
        friend.online = online;
        changes.dispatchEvent(new Event('change'));
        return true;
    },

    onChange(listener) {
        changes.addEventListener('change', listener);
    },
};

/** The name to show for a person: one's remark for them when there is one, else their display name. */
export function shownName(user) {
    if (!user) return '';
    return friends.get(user.id)?.remark || user.displayName;
}

/** A friend's name as its own owner sees it (the view carries the remark). */
export function friendName(friend) {
    return friend.remark || friend.user.displayName;
}

/** A group member's name: one's remark for them, else their nickname in the group, else their display name. */
export function memberName(member) {
    return friends.get(member.user.id)?.remark || member.nickname || member.user.displayName;
}

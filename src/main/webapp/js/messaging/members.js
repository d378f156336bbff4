// The members of a group chat that the page holds: a first page, the group's bots and what
// searches found — never all of a large group, and never more than a bound.

/** At most this many members of one group are held (a first page, bots, search hits, joins). */
export const MEMBERS_HELD = 2000;

/** Adds to `held` the members of `found` it lacks, up to `cap` in all; returns how many were added. */
export function holdMembers(held, found, cap) {
    const known = new Set(held.map((m) => m.user.id));
    let added = 0;
    for (const member of found) {
        if (held.length >= cap) break;
        if (known.has(member.user.id)) continue;
        known.add(member.user.id);
        held.push(member);
        added += 1;
    }
    return added;
}

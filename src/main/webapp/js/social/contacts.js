// The contacts section: search for people and groups, the friend-requests inbox (with a badge),
// friends filed by contact group (分组) with presence and remarks, one's groups, and the detail
// panes (person-pane.js, group-pane.js, panes.js).
//
// State lives on the server. This module loads it over REST, applies what frames carry, and
// reloads a part when a frame only says that it changed (and everything after a reconnect).
// An open detail pane is rebuilt only when something it shows changed.
import { api, apiAll } from '../api.js';
import { avatar, avatarUrl, botBadge, el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { friendName, roster } from './roster.js';
import { contactGroupName } from './pane-kit.js';
import { personPane } from './person-pane.js';
import { groupPane } from './group-pane.js';
import { blockedPane, contactGroupsPane, newGroupPane, requestsPane } from './panes.js';

const RELOAD_AFTER_MS = 30;

export function mountContacts({ gateway, me, openDetail, setBadge }) {
    const root = document.getElementById('contacts-body');
    const state = {
        friends: [],
        contactGroups: [],
        requests: { incoming: [], outgoing: [] },
        groups: [],
        blocked: [],
        results: null,
        query: '',
        detail: null, // { route, deps, render } of the open detail pane
    };

    const collapsed = new Set(); // contact groups the person folded
    const byName = (a, b) => friendName(a).localeCompare(friendName(b));
    const load = {
        friends: async () => {
            const [friends, contactGroups] = await Promise.all([apiAll('/friends'), api('GET', '/contact-groups')]);
            state.friends = friends.sort(byName);
            state.contactGroups = contactGroups;
            roster.replace(state.friends);
        },
        requests: async () => { state.requests = await api('GET', '/friend-requests'); },
        groups: async () => { state.groups = await apiAll('/groups'); },
        blocked: async () => { state.blocked = await api('GET', '/blocks'); },
    };
    async function reload(...parts) {
        try {
            await Promise.all(parts.map((part) => load[part]()));
        } catch {
            return; // Offline or signed out: the next welcome frame reloads.
        }
        render();
        refreshDetail(parts);
    }
    let waiting = new Set();
    let timer = null;
    function reloadSoon(part) {
        // Several frames of one change arrive together; load once.
        waiting.add(part);
        clearTimeout(timer);
        timer = setTimeout(() => {
            const parts = [...waiting];
            waiting = new Set();
            reload(...parts);
        }, RELOAD_AFTER_MS);
    }

    gateway.addEventListener('welcome', () => reload('friends', 'requests', 'groups', 'blocked'));
    gateway.addEventListener('frame', (event) => {
        const frame = event.detail;
        const type = frame.type;
        if (type.startsWith('friend.request.')) reloadSoon('requests');
        if (type === 'friend.added' || type === 'friend.updated' || type === 'friend.removed'
            || type === 'contact_groups.changed') applyFriendFrame(frame);
        if (type.startsWith('block.')) reloadSoon('blocked');
        if (type.startsWith('group.')) applyGroupFrame(frame);
        if (type === 'presence' && roster.setOnline(frame.user, frame.status === 'online')) patchPresence(frame.user);
    });

    /**
     * Friends changed: the frame carries the friend (or the contact groups), so the list is
     * updated in place — with thousands of friends, reloading every page per change would be
     * the server's cost of one remark.
     */
    function applyFriendFrame(frame) {
        if (frame.type === 'contact_groups.changed') {
            state.contactGroups = frame.groups;
            // A deleted group's friends moved to the default group (the server moved them too).
            const ids = new Set(frame.groups.map((g) => g.id));
            const fallback = frame.groups.find((g) => g.isDefault)?.id;
            for (const friend of state.friends) if (!ids.has(friend.contactGroupId)) friend.contactGroupId = fallback;
        } else {
            const id = frame.friend?.user.id ?? frame.user;
            state.friends = state.friends.filter((f) => f.user.id !== id);
            if (frame.friend) state.friends.push(frame.friend);
            state.friends.sort(byName);
        }
        roster.replace(state.friends);
        render();
        refreshDetail(['friends']);
    }

    /** Someone's presence changed: their dot and their group's count, in place (no redraw, no lost focus). */
    function patchPresence(userId) {
        const friend = roster.friend(userId);
        const row = root.querySelector(`.friend-row[data-user-id="${userId}"]`);
        if (!friend || !row) return;
        const dot = row.querySelector('.dot');
        dot.className = `dot ${friend.online ? 'on' : 'off'}`;
        dot.setAttribute('aria-label', t(friend.online ? 'presence.online' : 'presence.offline'));
        const section = row.closest('.contact-group');
        const members = state.friends.filter((f) => f.contactGroupId === friend.contactGroupId);
        section.querySelector('.count').textContent = ` ${members.filter((f) => f.online).length}/${members.length}`;
    }

    /**
     * A group changed: the frame carries the change, so the list is updated in place instead of
     * fetched again (which cost the server a reload per member and change).
     */
    function applyGroupFrame(frame) {
        const type = frame.type;
        const groupId = frame.group?.id ?? frame.groupId ?? frame.request?.groupId;
        const index = state.groups.findIndex((g) => g.id === groupId);
        if (frame.group && (type === 'group.created' || type === 'group.updated' || type === 'group.announcement')) {
            if (index >= 0) state.groups[index] = frame.group;
            else if (frame.group.myRole) state.groups.push(frame.group);
        } else if (type === 'group.dissolved' && index >= 0) {
            state.groups.splice(index, 1);
        } else if (type.startsWith('group.member.') && index >= 0) {
            const group = state.groups[index];
            if ((type === 'group.member.left' || type === 'group.member.removed') && frame.user === me.id) {
                state.groups.splice(index, 1);
            } else if (type === 'group.member.joined') {
                group.memberCount += 1;
            } else if (type === 'group.member.left' || type === 'group.member.removed') {
                group.memberCount = Math.max(0, group.memberCount - 1);
            }
        }
        render();
        refreshDetail([`group:${groupId}`]);
    }

    // The list panel
    const search = el('input', { id: 'contacts-search', type: 'search', maxlength: 64, autocomplete: 'off' });
    const searchButton = el('button', { type: 'submit', class: 'search-button' });
    const searchForm = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        find(search.value.trim()).catch(() => {});
    } }, search, searchButton);
    const body = el('div', {});
    replace(root, searchForm, body);

    async function find(text) {
        state.query = text;
        if (!text) {
            state.results = null;
            render();
            return;
        }
        const q = encodeURIComponent(text);
        const [people, groups] = await Promise.all([
            api('GET', `/users?q=${q}&size=20`), api('GET', `/groups/search?q=${q}&size=20`)]);
        state.results = { people: people.items, groups: groups.items };
        render();
    }

    function render() {
        const incoming = state.requests.incoming.length;
        setBadge('contacts', incoming, t('contacts.requestsBadge', { count: incoming }));
        search.placeholder = t('contacts.searchPlaceholder');
        search.setAttribute('aria-label', t('contacts.searchPeople'));
        searchForm.setAttribute('aria-label', t('contacts.searchPeople'));
        searchButton.textContent = t('contacts.search');
        replace(body,
            state.results ? searchResults() : null,
            el('a', { class: 'list-action with-badge', id: 'open-requests', href: '#/contacts/requests' },
                t('contacts.newFriends'),
                incoming ? el('span', { class: 'badge', id: 'requests-badge', 'aria-label': t('contacts.requestsBadge', { count: incoming }) },
                    String(incoming)) : null),
            el('h3', { class: 'list-heading' }, t('contacts.groups')),
            state.groups.length ? el('ul', { class: 'rows' }, state.groups.map(groupRow))
                : el('p', { class: 'hint' }, t('contacts.noGroups')),
            el('a', { class: 'list-action', id: 'open-new-group', href: '#/contacts/new-group' }, t('contacts.createGroup')),
            el('h3', { class: 'list-heading' }, t('contacts.friends')),
            state.friends.length ? state.contactGroups.map(contactGroupSection)
                : el('p', { class: 'hint' }, t('contacts.emptyHint')),
            el('a', { class: 'list-action', href: '#/contacts/contact-groups' }, t('contacts.manageGroups')),
            el('a', { class: 'list-action', id: 'open-blocked', href: '#/contacts/blocked' }, t('contacts.blocked')));
    }

    function searchResults() {
        const { people, groups } = state.results;
        return el('section', { class: 'results', 'aria-label': t('contacts.results') },
            el('div', { class: 'results-head' }, el('h3', { class: 'list-heading' }, t('contacts.results')),
                el('button', { type: 'button', class: 'link', onclick: () => { search.value = ''; find('').catch(() => {}); } },
                    t('contacts.clearResults'))),
            people.length || groups.length ? null : el('p', { class: 'hint' }, t('contacts.nothingFound')),
            el('ul', { class: 'rows' },
                people.map((p) => el('li', {}, el('a', { class: 'row person-result', href: `#/contacts/people/${p.username}`,
                    dataset: { userId: p.id } },
                avatar(p.displayName, p.id, '', avatarUrl('users', p.id, p.avatar)), el('span', { class: 'row-main' },
                    el('span', { class: 'row-title' }, p.displayName, botBadge(p)), el('span', { class: 'row-sub' }, `@${p.username}`))))),
                groups.map((g) => el('li', {}, el('a', { class: 'row group-result', href: `#/contacts/groups/${g.id}`,
                    dataset: { groupId: g.id } },
                avatar(g.name, g.id, '', avatarUrl('groups', g.id, g.avatar)), el('span', { class: 'row-main' },
                    el('span', { class: 'row-title' }, g.name),
                    el('span', { class: 'row-sub' }, t('groups.numberAndCount', { number: g.number, count: g.memberCount }))))))));
    }

    function contactGroupSection(group) {
        const friends = state.friends.filter((f) => f.contactGroupId === group.id);
        const online = friends.filter((f) => f.online).length;
        const section = el('details', { class: 'contact-group', open: !collapsed.has(group.id), dataset: { groupId: group.id },
            ontoggle: () => { if (section.open) collapsed.delete(group.id); else collapsed.add(group.id); } },
            el('summary', {}, contactGroupName(group), el('span', { class: 'count' }, ` ${online}/${friends.length}`)),
            el('ul', { class: 'rows' }, friends.map((f) => el('li', {}, el('a', {
                class: 'row friend-row', href: `#/contacts/people/${f.user.username}`, dataset: { userId: f.user.id } },
            avatar(f.user.displayName, f.user.id, '', avatarUrl('users', f.user.id, f.user.avatar)),
            el('span', { class: 'row-main' },
                el('span', { class: 'row-title' }, friendName(f), botBadge(f.user)),
                el('span', { class: 'row-sub' }, f.user.signature || `@${f.user.username}`)),
            el('span', { class: `dot ${f.online ? 'on' : 'off'}`, role: 'img',
                'aria-label': t(f.online ? 'presence.online' : 'presence.offline') }))))));
        return section;
    }

    function groupRow(g) {
        return el('li', {}, el('a', { class: 'row group-row', href: `#/contacts/groups/${g.id}`, dataset: { groupId: g.id } },
            avatar(g.name, g.id, '', avatarUrl('groups', g.id, g.avatar)), el('span', { class: 'row-main' },
                el('span', { class: 'row-title' }, g.name),
                el('span', { class: 'row-sub' }, t('groups.numberAndCount', { number: g.number, count: g.memberCount })))));
    }

    // Detail panes: each is an async function that builds [title, node]; the open one is rebuilt
    // when a part it depends on changes ("friends", "requests", "groups", "blocked", "group:ID", "person:ID").
    const context = { me, state, reload };

    function pane(route, deps, build) {
        return { route, deps, build };
    }

    function show(detail) {
        state.detail = detail;
        let first = true;
        detail.render = async () => {
            const [title, node] = await detail.build(context);
            if (state.detail === detail) {
                // Focus goes to the pane's title when it opens, not each time it is rebuilt.
                openDetail(title, node, first);
                first = false;
            }
        };
        return detail.render();
    }

    /**
     * Rebuilds the open pane when a part it shows changed — but not under the person's fingers:
     * while a field of the pane has the focus, the rebuild waits until the focus leaves the pane.
     */
    const detailPane = document.getElementById('detail-pane');
    function refreshDetail(parts) {
        const detail = state.detail;
        if (!detail || !parts.some((part) => detail.deps.includes(part))) return;
        if (detailPane.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) {
            detail.stale = true;
            return;
        }
        detail.render().catch(() => {});
    }
    detailPane.addEventListener('focusout', (event) => {
        const detail = state.detail;
        if (detail?.stale && !detailPane.contains(event.relatedTarget)) {
            detail.stale = false;
            detail.render().catch(() => {});
        }
    });

    async function showPerson(username) {
        const known = state.friends.find((f) => f.user.username === username)?.user;
        const person = known ?? await api('GET', `/users/${encodeURIComponent(username)}`);
        show(pane(`people/${username}`, ['friends', 'requests', 'blocked'], (c) => personPane(c, person)));
    }

    /** Opens the pane a route names ({@code people/NAME}, {@code groups/ID}, {@code requests}, …). */
    async function route(path) {
        const [kind, id] = path.split('/');
        if (kind === 'people' && id) return showPerson(id);
        if (kind === 'groups' && /^\d+$/.test(id ?? '')) {
            return show(pane(`groups/${id}`, ['friends', `group:${id}`], (c) => groupPane(c, Number(id))));
        }
        const panes = { requests: [['requests', 'friends'], requestsPane], 'new-group': [['friends'], newGroupPane],
            'contact-groups': [['friends'], contactGroupsPane], blocked: [['blocked'], blockedPane] };
        if (panes[kind]) return show(pane(kind, panes[kind][0], panes[kind][1]));
        return undefined;
    }

    return {
        render: () => { render(); state.detail?.render().catch(() => {}); },
        reload: () => reload('friends', 'requests', 'groups', 'blocked'),
        route,
        close: () => { state.detail = null; },
    };
}

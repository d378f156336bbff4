// The contacts section: search for people and groups, the friend-requests inbox (with a badge),
// friends filed by contact group (分组) with presence and remarks, one's groups, and the detail
// panes (a person's card, a group's info, creating a group, managing contact groups).
//
// State lives on the server. This module loads it over REST and reloads the affected part
// whenever a frame says something changed, and everything after a reconnect, so every open
// screen follows every change without a reload.
import { api, apiAll, ApiError } from '../api.js';
import { add, avatar, avatarUrl, el, replace } from '../dom.js';
import { has, t } from '../i18n.js';

export function mountContacts({ gateway, me, openDetail, setBadge }) {
    const root = document.getElementById('contacts-body');
    const state = {
        contacts: { groups: [], friends: [] },
        requests: { incoming: [], outgoing: [] },
        groups: [],
        results: null,
        detail: null, // a function that re-renders the open detail pane
    };

    // Loading
    const load = {
        contacts: async () => { state.contacts = await api('GET', '/friends'); },
        requests: async () => { state.requests = await api('GET', '/friend-requests'); },
        groups: async () => { state.groups = await apiAll('/groups'); },
    };
    async function reload(...parts) {
        try {
            await Promise.all(parts.map((part) => load[part]()));
        } catch {
            return; // Offline or signed out: the next welcome frame reloads.
        }
        render();
        if (state.detail) state.detail();
    }
    let pending = new Set();
    let timer = null;
    function reloadSoon(part) {
        // Several frames of one change arrive together; load once.
        pending.add(part);
        clearTimeout(timer);
        timer = setTimeout(() => {
            const parts = [...pending];
            pending = new Set();
            reload(...parts);
        }, 30);
    }

    gateway.addEventListener('welcome', () => reload('contacts', 'requests', 'groups'));
    gateway.addEventListener('frame', (event) => {
        const type = event.detail.type;
        if (type.startsWith('friend.request.')) reloadSoon('requests');
        if (type === 'friend.added' || type === 'friend.removed' || type === 'friend.updated'
            || type === 'contact_groups.changed' || type.startsWith('block.')) reloadSoon('contacts');
        if (type === 'friend.request.accepted') reloadSoon('contacts');
        if (type.startsWith('group.')) applyGroupFrame(event.detail);
        if (type === 'presence') {
            const friend = state.contacts.friends.find((f) => f.user.id === event.detail.user);
            if (friend) {
                friend.online = event.detail.status === 'online';
                render();
            }
        }
    });

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
            if ((type === 'group.member.left' || type === 'group.member.removed') && frame.user === me?.id) {
                state.groups.splice(index, 1);
            } else if (type === 'group.member.joined') {
                group.memberCount += 1;
            } else if (type === 'group.member.left' || type === 'group.member.removed') {
                group.memberCount = Math.max(0, group.memberCount - 1);
            }
        }
        render();
        if (state.detail) state.detail();
    }

    // The list panel
    function render() {
        const incoming = state.requests.incoming.length;
        setBadge('contacts', incoming, t('contacts.requestsBadge', { count: incoming }));
        replace(root, 
            searchForm(),
            state.results ? searchResults() : null,
            el('button', { type: 'button', class: 'list-action with-badge', id: 'open-requests', onclick: () => show(requestsPane) },
                t('contacts.newFriends'),
                incoming ? el('span', { class: 'badge', id: 'requests-badge', 'aria-label': t('contacts.requestsBadge', { count: incoming }) },
                    String(incoming)) : null),
            el('h3', { class: 'list-heading' }, t('contacts.groups')),
            state.groups.length ? el('ul', { class: 'rows' }, state.groups.map(groupRow))
                : el('p', { class: 'hint' }, t('contacts.noGroups')),
            el('button', { type: 'button', class: 'list-action', id: 'open-new-group', onclick: () => show(newGroupPane) },
                t('contacts.createGroup')),
            el('h3', { class: 'list-heading' }, t('contacts.friends')),
            state.contacts.friends.length ? state.contacts.groups.map(contactGroupSection)
                : el('p', { class: 'hint' }, t('contacts.empty')),
            el('button', { type: 'button', class: 'list-action', onclick: () => show(contactGroupsPane) },
                t('contacts.manageGroups')),
        );
    }

    function searchForm() {
        const input = el('input', { id: 'contacts-search', type: 'search', maxlength: 64, autocomplete: 'off',
            placeholder: t('contacts.searchPlaceholder'), 'aria-label': t('contacts.search'), value: state.query || '' });
        return el('form', { class: 'search', role: 'search', onsubmit: async (event) => {
            event.preventDefault();
            state.query = input.value.trim();
            if (!state.query) {
                state.results = null;
                render();
                return;
            }
            const q = encodeURIComponent(state.query);
            const [people, groups] = await Promise.all([
                api('GET', `/users?q=${q}&size=20`), api('GET', `/groups/search?q=${q}&size=20`)]);
            state.results = { people: people.items, groups: groups.items };
            render();
            document.getElementById('contacts-search').focus();
        } }, input, el('button', { type: 'submit', class: 'search-button' }, t('contacts.search')));
    }

    function searchResults() {
        const { people, groups } = state.results;
        return el('section', { class: 'results', 'aria-label': t('contacts.results') },
            el('div', { class: 'results-head' }, el('h3', { class: 'list-heading' }, t('contacts.results')),
                el('button', { type: 'button', class: 'link', onclick: () => { state.results = null; state.query = ''; render(); } },
                    t('contacts.clearResults'))),
            people.length || groups.length ? null : el('p', { class: 'hint' }, t('contacts.nothingFound')),
            el('ul', { class: 'rows' },
                people.map((p) => el('li', {}, el('button', { type: 'button', class: 'row person-result',
                    dataset: { userId: p.id }, onclick: () => show(() => personPane(p)) },
                avatar(p.displayName, p.id), el('span', { class: 'row-main' },
                    el('span', { class: 'row-title' }, p.displayName), el('span', { class: 'row-sub' }, `@${p.username}`))))),
                groups.map((g) => el('li', {}, el('button', { type: 'button', class: 'row group-result',
                    dataset: { groupId: g.id }, onclick: () => show(() => groupPane(g.id)) },
                avatar(g.name, g.id), el('span', { class: 'row-main' },
                    el('span', { class: 'row-title' }, g.name),
                    el('span', { class: 'row-sub' }, t('groups.numberAndCount', { number: g.number, count: g.memberCount }))))))));
    }

    function contactGroupSection(group) {
        const friends = state.contacts.friends.filter((f) => f.contactGroupId === group.id);
        const online = friends.filter((f) => f.online).length;
        return el('details', { class: 'contact-group', open: true, dataset: { groupId: group.id } },
            el('summary', {}, groupName(group), el('span', { class: 'count' }, ` ${online}/${friends.length}`)),
            el('ul', { class: 'rows' }, friends.map((f) => el('li', {}, el('button', {
                type: 'button', class: 'row friend-row', dataset: { userId: f.user.id },
                onclick: () => show(() => personPane(f.user)) },
            avatar(f.user.displayName, f.user.id, '', avatarUrl('users', f.user.id, f.user.avatar)),
            el('span', { class: 'row-main' },
                el('span', { class: 'row-title' }, shownName(f)),
                el('span', { class: 'row-sub' }, f.user.signature || `@${f.user.username}`)),
            el('span', { class: `dot ${f.online ? 'on' : 'off'}`, role: 'img',
                'aria-label': t(f.online ? 'presence.online' : 'presence.offline') }))))));
    }

    function groupRow(g) {
        return el('li', {}, el('button', { type: 'button', class: 'row group-row', dataset: { groupId: g.id },
            onclick: () => show(() => groupPane(g.id)) },
        avatar(g.name, g.id, '', avatarUrl('groups', g.id, g.avatar)), el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, g.name),
            el('span', { class: 'row-sub' }, t('groups.numberAndCount', { number: g.number, count: g.memberCount })))));
    }

    // Detail panes. Each is an async function that builds the pane; show() keeps it as the open
    // pane so that it is rebuilt when the state it shows changes.
    function show(pane) {
        state.detail = async () => {
            const [title, node] = await pane();
            if (state.detail === rerender) openDetail(title, node);
        };
        const rerender = state.detail;
        state.detail();
    }

    async function personPane(person) {
        const friend = state.contacts.friends.find((f) => f.user.id === person.id);
        const incoming = state.requests.incoming.find((r) => r.from.id === person.id);
        const outgoing = state.requests.outgoing.find((r) => r.to.id === person.id);
        const status = el('p', { class: 'form-error', role: 'alert' });
        const act = actor(status);
        const card = el('div', { class: 'card person-card', dataset: { userId: person.id } },
            el('div', { class: 'card-head' }, avatar(person.displayName, person.id, 'large', avatarUrl('users', person.id, person.avatar)),
                el('div', {}, el('p', { class: 'card-title' }, friend ? shownName(friend) : person.displayName),
                    el('p', { class: 'row-sub' }, `@${person.username}`),
                    friend?.remark ? el('p', { class: 'row-sub' }, t('contacts.displayNameIs', { name: person.displayName })) : null)),
            person.signature ? el('p', { class: 'signature' }, person.signature) : null,
            person.region ? el('p', { class: 'row-sub' }, `${t('profile.region')}: ${person.region}`) : null);

        if (friend) {
            add(card, el('button', { type: 'button', class: 'primary', id: 'send-message', onclick: () => window.dispatchEvent(
                new CustomEvent('plume:open-chat', { detail: { userId: person.id } })) }, t('contacts.sendMessage')));
            const remark = el('input', { id: 'friend-remark', maxlength: 32, value: friend.remark || '' });
            const group = el('select', { id: 'friend-group' }, state.contacts.groups.map((g) => el('option', {
                value: g.id, selected: g.id === friend.contactGroupId }, groupName(g))));
            add(card, el('form', { class: 'stack', onsubmit: act(async () => {
                await api('PUT', `/friends/${person.id}`, { remark: remark.value.trim() || null, contactGroupId: Number(group.value) });
                await reload('contacts');
            }) },
            el('label', { for: 'friend-remark' }, t('contacts.remark')), remark,
            el('label', { for: 'friend-group' }, t('contacts.contactGroup')), group,
            el('button', { type: 'submit', class: 'primary', id: 'save-friend' }, t('profile.save'))),
            el('div', { class: 'actions' },
                confirmButton(t('contacts.deleteFriend'), t('contacts.confirmDelete'), act(async () => {
                    await api('DELETE', `/friends/${person.id}`);
                    await reload('contacts');
                })),
                confirmButton(t('contacts.block'), t('contacts.confirmBlock'), act(async () => {
                    await api('PUT', `/blocks/${person.id}`);
                    await reload('contacts', 'requests');
                }))));
        } else if (incoming) {
            add(card, incoming.message ? el('blockquote', {}, incoming.message) : null, el('div', { class: 'actions' },
                el('button', { type: 'button', class: 'primary', onclick: act(() => answer(incoming.id, 'accept')) }, t('requests.accept')),
                el('button', { type: 'button', onclick: act(() => answer(incoming.id, 'decline')) }, t('requests.decline'))));
        } else if (outgoing) {
            add(card, el('p', { class: 'hint', id: 'request-sent' }, t('requests.waiting')),
                el('button', { type: 'button', onclick: act(async () => {
                    await api('DELETE', `/friend-requests/${outgoing.id}`);
                    await reload('requests');
                }) }, t('requests.cancel')));
        } else {
            const note = el('input', { id: 'friend-request-message', maxlength: 100,
                placeholder: t('requests.messagePlaceholder') });
            add(card, el('form', { class: 'stack', onsubmit: act(async () => {
                await api('POST', '/friend-requests', { userId: person.id, message: note.value.trim() || null });
                await reload('requests', 'contacts');
            }) },
            el('label', { for: 'friend-request-message' }, t('requests.message')), note,
            el('button', { type: 'submit', class: 'primary', id: 'send-friend-request' }, t('requests.add'))),
            el('button', { type: 'button', class: 'link', onclick: act(async () => {
                await api('DELETE', `/blocks/${person.id}`);
            }) }, t('contacts.unblock')));
        }
        add(card, status);
        return [friend ? shownName(friend) : person.displayName, card];
    }

    async function answer(id, verb) {
        await api('POST', `/friend-requests/${id}/${verb}`);
        await reload('requests', 'contacts');
    }

    async function requestsPane() {
        const row = (request, incoming) => {
            const other = incoming ? request.from : request.to;
            return el('li', { class: 'request-row', dataset: { requestId: request.id } },
                avatar(other.displayName, other.id),
                el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, other.displayName),
                    el('span', { class: 'row-sub' }, request.message || `@${other.username}`)),
                incoming ? el('span', { class: 'actions' },
                    el('button', { type: 'button', class: 'primary accept', onclick: () => answer(request.id, 'accept') }, t('requests.accept')),
                    el('button', { type: 'button', class: 'decline', onclick: () => answer(request.id, 'decline') }, t('requests.decline')))
                    : el('button', { type: 'button', class: 'cancel', onclick: async () => {
                        await api('DELETE', `/friend-requests/${request.id}`);
                        await reload('requests');
                    } }, t('requests.cancel')));
        };
        const { incoming, outgoing } = state.requests;
        return [t('contacts.newFriends'), el('div', { class: 'card' },
            el('h3', {}, t('requests.incoming')),
            incoming.length ? el('ul', { class: 'rows' }, incoming.map((r) => row(r, true))) : el('p', { class: 'hint' }, t('requests.none')),
            el('h3', {}, t('requests.outgoing')),
            outgoing.length ? el('ul', { class: 'rows' }, outgoing.map((r) => row(r, false))) : el('p', { class: 'hint' }, t('requests.none')))];
    }

    async function newGroupPane() {
        const name = el('input', { id: 'new-group-name', maxlength: 64, required: true });
        const description = el('textarea', { id: 'new-group-description', maxlength: 500, rows: 3 });
        const policy = policySelect('new-group-policy', 'approval');
        const status = el('p', { class: 'form-error', role: 'alert' });
        const boxes = state.contacts.friends.map((f) => el('label', { class: 'check' },
            el('input', { type: 'checkbox', value: f.user.id, class: 'new-group-member' }), avatar(f.user.displayName, f.user.id), shownName(f)));
        const form = el('form', { class: 'card stack', onsubmit: async (event) => {
            event.preventDefault();
            status.textContent = '';
            if (!name.value.trim()) {
                status.textContent = t('error.required');
                name.focus();
                return;
            }
            try {
                const memberIds = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => Number(i.value));
                const group = await api('POST', '/groups', { name: name.value.trim(), description: description.value.trim() || null,
                    joinPolicy: policy.value, memberIds });
                await reload('groups');
                show(() => groupPane(group.id));
            } catch (error) {
                status.textContent = message(error);
            }
        } },
        el('label', { for: 'new-group-name' }, t('groups.name')), name,
        el('label', { for: 'new-group-description' }, t('groups.description')), description,
        el('label', { for: 'new-group-policy' }, t('groups.policy')), policy,
        el('fieldset', {}, el('legend', {}, t('groups.chooseFriends')),
            boxes.length ? boxes : el('p', { class: 'hint' }, t('contacts.empty'))),
        status, el('button', { type: 'submit', class: 'primary', id: 'create-group' }, t('contacts.createGroup')));
        return [t('contacts.createGroup'), form];
    }

    async function groupPane(groupId) {
        let group;
        try {
            group = await api('GET', `/groups/${groupId}`);
        } catch (error) {
            return [t('contacts.groups'), el('p', { class: 'hint' }, message(error))];
        }
        const status = el('p', { class: 'form-error', role: 'alert' });
        const act = actor(status, 'groups');
        const card = el('div', { class: 'card group-card', dataset: { groupId: group.id } },
            el('div', { class: 'card-head' }, avatar(group.name, group.id, 'large', avatarUrl('groups', group.id, group.avatar)),
                el('div', {}, el('p', { class: 'card-title' }, group.name),
                    el('p', { class: 'row-sub' }, t('groups.numberAndCount', { number: group.number, count: group.memberCount })),
                    el('p', { class: 'row-sub' }, t(`groups.policy.${group.joinPolicy}`)))),
            group.description ? el('p', { class: 'signature' }, group.description) : null);

        if (!group.myRole) {
            const note = el('input', { id: 'join-message', maxlength: 100, placeholder: t('requests.messagePlaceholder') });
            add(card, el('form', { class: 'stack', onsubmit: act(async () => {
                const joined = await api('POST', `/groups/${group.id}/join-requests`, { message: note.value.trim() || null });
                status.textContent = joined.status === 'accepted' ? '' : t('groups.requestSent');
            }) }, group.joinPolicy === 'invite_only' ? el('p', { class: 'hint' }, t('groups.policy.invite_only'))
                : [el('label', { for: 'join-message' }, t('requests.message')), note,
                    el('button', { type: 'submit', class: 'primary', id: 'join-group' }, t('groups.join'))]), status);
            return [group.name, card];
        }

        const manager = group.myRole !== 'member';
        const owner = group.myRole === 'owner';
        const [members, requests] = await Promise.all([api('GET', `/groups/${group.id}/members`),
            manager ? api('GET', `/groups/${group.id}/join-requests`) : Promise.resolve([])]);

        add(card, el('button', { type: 'button', class: 'primary', id: 'open-group-chat', onclick: () => window.dispatchEvent(
            new CustomEvent('plume:open-chat', { detail: { groupId: group.id } })) }, t('groups.openChat')));
        add(card, el('section', { class: 'announcement', 'aria-label': t('groups.announcement') },
            el('h3', {}, t('groups.announcement')),
            el('p', { id: 'group-announcement' }, group.announcement || t('groups.noAnnouncement'))));
        if (manager) {
            const text = el('textarea', { id: 'announcement-text', maxlength: 2000, rows: 3, value: group.announcement || '' });
            const name = el('input', { id: 'group-name', maxlength: 64, value: group.name });
            const description = el('textarea', { id: 'group-description', maxlength: 500, rows: 2, value: group.description || '' });
            const policy = policySelect('group-policy', group.joinPolicy);
            add(card, 
                el('form', { class: 'stack', onsubmit: act(() => api('PUT', `/groups/${group.id}/announcement`, { text: text.value })) },
                    el('label', { for: 'announcement-text' }, t('groups.editAnnouncement')), text,
                    el('button', { type: 'submit', id: 'save-announcement' }, t('groups.publish'))),
                el('form', { class: 'stack', onsubmit: act(() => api('PUT', `/groups/${group.id}`, {
                    name: name.value.trim(), description: description.value.trim() || null, joinPolicy: policy.value })) },
                el('h3', {}, t('groups.settings')),
                el('label', { for: 'group-avatar' }, t('profile.avatar')),
                el('input', { type: 'file', id: 'group-avatar', accept: 'image/jpeg,image/png,image/gif,image/webp',
                    onchange: act(async () => {
                        const file = document.getElementById('group-avatar').files[0];
                        if (!file) return;
                        const response = await fetch(`/api/v1/avatars/groups/${group.id}`, { method: 'PUT', body: file,
                            credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' } });
                        if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
                    }) }),
                el('label', { for: 'group-name' }, t('groups.name')), name,
                el('label', { for: 'group-description' }, t('groups.description')), description,
                el('label', { for: 'group-policy' }, t('groups.policy')), policy,
                el('button', { type: 'submit' }, t('profile.save'))),
                el('button', { type: 'button', class: 'small', id: 'mute-all', onclick: act(() => api('PUT',
                    `/groups/${group.id}/mute`, { minutes: group.allMutedUntil ? 0 : 60 })) },
                t(group.allMutedUntil ? 'groups.unmuteAll' : 'groups.muteAll')));
        }
        if (requests.length) {
            add(card, el('h3', {}, t('groups.pending')), el('ul', { class: 'rows' }, requests.map((r) => el('li', { class: 'request-row' },
                avatar(r.applicant.displayName, r.applicant.id),
                el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, r.applicant.displayName),
                    el('span', { class: 'row-sub' }, r.inviter ? t('groups.invitedBy', { name: r.inviter.displayName }) : (r.message || ''))),
                el('span', { class: 'actions' },
                    el('button', { type: 'button', class: 'primary', onclick: act(() => api('POST', `/group-join-requests/${r.id}/accept`)) }, t('requests.accept')),
                    el('button', { type: 'button', onclick: act(() => api('POST', `/group-join-requests/${r.id}/decline`)) }, t('requests.decline')))))));
        }

        add(card, el('h3', {}, t('groups.members', { count: members.length })), el('ul', { class: 'rows members' },
            members.map((m) => el('li', { class: 'member-row', dataset: { userId: m.user.id } },
                avatar(m.user.displayName, m.user.id, '', avatarUrl('users', m.user.id, m.user.avatar)),
                el('div', { class: 'row-main' },
                    el('span', { class: 'row-title' }, m.nickname || m.user.displayName,
                        m.role !== 'member' ? el('span', { class: `role ${m.role}` }, t(`groups.role.${m.role}`)) : null),
                    el('span', { class: 'row-sub' }, `@${m.user.username}`)),
                el('span', { class: `dot ${m.online ? 'on' : 'off'}`, role: 'img',
                    'aria-label': t(m.online ? 'presence.online' : 'presence.offline') }),
                memberActions(group, m, owner, manager, act)))));

        const invitable = state.contacts.friends.filter((f) => !members.some((m) => m.user.id === f.user.id));
        if (invitable.length) {
            const pick = el('select', { id: 'invite-friend' }, invitable.map((f) => el('option', { value: f.user.id }, shownName(f))));
            add(card, el('form', { class: 'inline', onsubmit: act(async () => {
                const waiting = await api('POST', `/groups/${group.id}/members`, { userIds: [Number(pick.value)] });
                if (waiting.length) status.textContent = t('groups.invitationWaits');
            }) }, el('label', { for: 'invite-friend' }, t('groups.invite')), pick,
            el('button', { type: 'submit', id: 'invite-button' }, t('groups.inviteButton'))));
        }
        const nickname = el('input', { id: 'my-nickname', maxlength: 32, value: group.myNickname || '' });
        add(card, el('form', { class: 'inline', onsubmit: act(() => api('PUT', `/groups/${group.id}/nickname`, { nickname: nickname.value.trim() || null })) },
            el('label', { for: 'my-nickname' }, t('groups.myNickname')), nickname, el('button', { type: 'submit' }, t('profile.save'))));
        add(card, el('div', { class: 'actions' }, owner
            ? confirmButton(t('groups.dissolve'), t('groups.confirmDissolve'), act(async () => {
                await api('DELETE', `/groups/${group.id}`);
                state.detail = null;
            }))
            : confirmButton(t('groups.leave'), t('groups.confirmLeave'), act(async () => {
                const me = await api('GET', '/me');
                await api('DELETE', `/groups/${group.id}/members/${me.id}`);
                state.detail = null;
            }))), status);
        return [group.name, card];
    }

    function memberActions(group, member, owner, manager, act) {
        if (member.user.id === group.ownerId) return null;
        const buttons = [];
        if (owner) {
            const promote = member.role === 'admin' ? 'member' : 'admin';
            buttons.push(el('button', { type: 'button', class: 'small', onclick: act(() => api('PUT',
                `/groups/${group.id}/members/${member.user.id}/role`, { role: promote })) },
            t(promote === 'admin' ? 'groups.makeAdmin' : 'groups.makeMember')));
            buttons.push(confirmButton(t('groups.transfer'), t('groups.confirmTransfer'), act(() => api('POST',
                `/groups/${group.id}/transfer`, { userId: member.user.id })), 'small'));
        }
        if (owner || (manager && member.role === 'member')) {
            const muted = Boolean(member.mutedUntil);
            buttons.push(el('button', { type: 'button', class: 'small', onclick: act(() => api('PUT',
                `/groups/${group.id}/members/${member.user.id}/mute`, { minutes: muted ? 0 : 10 })) },
            t(muted ? 'groups.unmute' : 'groups.mute10')));
            buttons.push(confirmButton(t('groups.remove'), t('groups.confirmRemove'), act(() => api('DELETE',
                `/groups/${group.id}/members/${member.user.id}`)), 'small'));
        }
        return buttons.length ? el('span', { class: 'actions' }, buttons) : null;
    }

    async function contactGroupsPane() {
        const status = el('p', { class: 'form-error', role: 'alert' });
        const act = actor(status, 'contacts');
        const fresh = el('input', { id: 'new-contact-group', maxlength: 32 });
        return [t('contacts.manageGroups'), el('div', { class: 'card' },
            el('ul', { class: 'rows' }, state.contacts.groups.map((g) => {
                const name = el('input', { maxlength: 32, value: groupName(g), 'aria-label': t('contacts.groupName') });
                return el('li', { class: 'inline' },
                    el('form', { class: 'inline', onsubmit: act(() => api('PUT', `/contact-groups/${g.id}`, { name: name.value.trim() })) },
                        name, el('button', { type: 'submit', class: 'small' }, t('contacts.rename'))),
                    g.isDefault ? null : el('button', { type: 'button', class: 'small', onclick: act(() => api('DELETE', `/contact-groups/${g.id}`)) },
                        t('contacts.delete')));
            })),
            el('form', { class: 'inline', onsubmit: act(async () => {
                await api('POST', '/contact-groups', { name: fresh.value.trim() });
                fresh.value = '';
            }) }, el('label', { for: 'new-contact-group' }, t('contacts.newGroup')), fresh,
            el('button', { type: 'submit', class: 'small' }, t('contacts.add'))),
            status)];
    }

    // Helpers

    /**
     * Wraps a pane's actions: the form is not submitted, a failure is shown in {@code status},
     * and on success the named parts of the state are reloaded.
     */
    function actor(status, ...reloads) {
        return (action) => async (event) => {
            event?.preventDefault?.();
            status.textContent = '';
            try {
                await action();
                if (reloads.length) await reload(...reloads);
            } catch (error) {
                status.textContent = message(error);
            }
        };
    }
    function policySelect(id, selected) {
        return el('select', { id }, ['open', 'approval', 'invite_only'].map((p) => el('option', {
            value: p, selected: p === selected }, t(`groups.policy.${p}`))));
    }

    function confirmButton(label, confirmLabel, action, extra = '') {
        // Two clicks for anything that cannot be undone: no modal dialogs.
        const button = el('button', { type: 'button', class: `danger ${extra}`.trim() }, label);
        button.addEventListener('click', (event) => {
            if (button.dataset.armed) {
                action(event);
            } else {
                button.dataset.armed = 'true';
                button.textContent = confirmLabel;
            }
        });
        return button;
    }

    function groupName(group) {
        return group.name ?? t('contacts.defaultGroup');
    }

    function message(error) {
        return has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
    }

    return {
        render: () => { render(); if (state.detail) state.detail(); },
        reload: () => reload('contacts', 'requests', 'groups'),
        close: () => { state.detail = null; },
    };
}

function shownName(friend) {
    return friend.remark || friend.user.displayName;
}

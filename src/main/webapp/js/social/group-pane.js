// A group's info: for outsiders, its card and how to join; for members, the announcement, the
// members with presence and (for the owner and admins) their roles, mutes and removal, join
// requests waiting for approval, inviting friends, one's nickname, and leaving or dissolving.
import { api, apiPage, ApiError } from '../api.js';
import { add, avatar, avatarUrl, botBadge, el } from '../dom.js';
import { hooksSection } from '../bots/hooks-section.js';
import { t } from '../i18n.js';
import { friendName, memberName, shownName } from './roster.js';
import { actor, confirmButton, policySelect, problemText } from './pane-kit.js';

const MEMBER_PAGE = 100;
const REQUEST_PAGE = 50;

export async function groupPane({ me, state, reload }, groupId) {
    let group;
    try {
        group = await api('GET', `/groups/${groupId}`);
    } catch (error) {
        return [t('contacts.groups'), el('p', { class: 'hint' }, problemText(error))];
    }
    const status = el('p', { class: 'form-error', role: 'alert' });
    const act = actor(status, () => reload('groups'));
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
    // Members come in pages (a group may have thousands): the first here, more on request.
    const [first, bots, requests] = await Promise.all([apiPage(`/groups/${group.id}/members?limit=${MEMBER_PAGE}`),
        manager ? api('GET', `/groups/${group.id}/members?bots=true&limit=200`) : Promise.resolve([]),
        manager ? apiPage(`/groups/${group.id}/join-requests?limit=${REQUEST_PAGE}`) : Promise.resolve({ items: [] })]);
    const members = [...first.items];

    add(card, el('button', { type: 'button', class: 'primary', id: 'open-group-chat', onclick: () => window.dispatchEvent(
        new CustomEvent('plume:open-chat', { detail: { groupId: group.id } })) }, t('groups.openChat')));
    add(card, el('section', { class: 'announcement', 'aria-label': t('groups.announcement') },
        el('h3', {}, t('groups.announcement')),
        el('p', { id: 'group-announcement' }, group.announcement || t('groups.noAnnouncement'))));
    if (manager) add(card, ...settings(group, act));
    if (requests.items.length) {
        const requestRow = (r) => el('li', { class: 'request-row' },
            avatar(r.applicant.displayName, r.applicant.id),
            el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, shownName(r.applicant)),
                el('span', { class: 'row-sub' }, r.inviter ? t('groups.invitedBy', { name: shownName(r.inviter) }) : (r.message || ''))),
            el('span', { class: 'actions' },
                el('button', { type: 'button', class: 'primary', onclick: act(() => api('POST', `/group-join-requests/${r.id}/accept`)) },
                    t('requests.accept')),
                el('button', { type: 'button', class: 'secondary', onclick: act(() => api('POST', `/group-join-requests/${r.id}/decline`)) },
                    t('requests.decline'))));
        add(card, el('h3', {}, t('groups.pending')),
            ...pagedRows(requests, requestRow, 'more-requests', t('groups.moreRequests'), status));
    }

    const memberRow = (m) => el('li', { class: 'member-row', dataset: { userId: m.user.id } },
            avatar(m.user.displayName, m.user.id, '', avatarUrl('users', m.user.id, m.user.avatar)),
            el('div', { class: 'row-main' },
                el('span', { class: 'row-title' }, memberName(m), botBadge(m.user),
                    m.role !== 'member' ? el('span', { class: `role ${m.role}` }, t(`groups.role.${m.role}`)) : null),
                el('span', { class: 'row-sub' }, `@${m.user.username}`)),
            el('span', { class: `dot ${m.online ? 'on' : 'off'}`, role: 'img',
                'aria-label': t(m.online ? 'presence.online' : 'presence.offline') }),
            memberMenu(group, m, owner, manager, act));
    add(card, el('h3', {}, t('groups.members', { count: group.memberCount })),
        ...pagedRows(first, memberRow, 'more-members', t('groups.moreMembers'), status,
            (items) => members.push(...items), 'rows members'));

    if (manager) add(card, await hooksSection(group, bots).catch(() => null));

    const invitable = state.friends.filter((f) => !members.some((m) => m.user.id === f.user.id));
    if (invitable.length) {
        const pick = el('select', { id: 'invite-friend' }, invitable.map((f) => el('option', { value: f.user.id }, friendName(f))));
        add(card, el('form', { class: 'inline', onsubmit: act(async () => {
            const waiting = await api('POST', `/groups/${group.id}/members`, { userIds: [Number(pick.value)] });
            if (waiting.length) status.textContent = t('groups.invitationWaits');
        }) }, el('label', { for: 'invite-friend' }, t('groups.invite')), pick,
        el('button', { type: 'submit', class: 'secondary', id: 'invite-button' }, t('groups.inviteButton'))));
    }
    const nickname = el('input', { id: 'my-nickname', maxlength: 32, value: group.myNickname || '' });
    add(card, el('form', { class: 'inline', onsubmit: act(() => api('PUT', `/groups/${group.id}/nickname`,
        { nickname: nickname.value.trim() || null })) },
    el('label', { for: 'my-nickname' }, t('groups.myNickname')), nickname,
    el('button', { type: 'submit', class: 'secondary' }, t('profile.save'))));
    add(card, el('div', { class: 'actions' }, owner
        ? confirmButton(t('groups.dissolve'), t('groups.confirmDissolve'), act(async () => {
            await api('DELETE', `/groups/${group.id}`);
            location.hash = '#/contacts';
        }))
        : confirmButton(t('groups.leave'), t('groups.confirmLeave'), act(async () => {
            await api('DELETE', `/groups/${group.id}/members/${me.id}`);
            location.hash = '#/contacts';
        }))), status);
    return [group.name, card];
}

/**
 * A list shown a page at a time: the first page's rows and a button that fetches the next page
 * (the Link the server gave) until there is none. {@code onPage} hears every later page.
 */
function pagedRows(first, row, id, label, status, onPage = () => {}, listClass = 'rows') {
    const list = el('ul', { class: listClass }, first.items.map(row));
    let next = first.next;
    const more = el('button', { type: 'button', class: 'secondary', id, hidden: !next,
        onclick: actor(status)(async () => {
            if (more.disabled) return;
            more.disabled = true;
            const page = await apiPage(next).finally(() => { more.disabled = false; });
            onPage(page.items);
            add(list, page.items.map(row));
            next = page.next;
            more.hidden = !next;
        }) }, label);
    return [list, more];
}

function settings(group, act) {
    const text = el('textarea', { id: 'announcement-text', maxlength: 2000, rows: 3, value: group.announcement || '' });
    const name = el('input', { id: 'group-name', maxlength: 64, value: group.name });
    const description = el('textarea', { id: 'group-description', maxlength: 500, rows: 2, value: group.description || '' });
    const policy = policySelect('group-policy', group.joinPolicy);
    const picture = el('input', { type: 'file', id: 'group-avatar', class: 'visually-hidden',
        accept: 'image/jpeg,image/png,image/gif,image/webp', onchange: act(async () => {
            const file = picture.files[0];
            if (!file) return;
            const response = await fetch(`/api/v1/avatars/groups/${group.id}`, { method: 'PUT', body: file,
                credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' } });
            if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
        }) });
    return [
        el('form', { class: 'stack', onsubmit: act(() => api('PUT', `/groups/${group.id}/announcement`, { text: text.value })) },
            el('label', { for: 'announcement-text' }, t('groups.editAnnouncement')), text,
            el('button', { type: 'submit', class: 'secondary', id: 'save-announcement' }, t('groups.publish'))),
        el('form', { class: 'stack', onsubmit: act(() => api('PUT', `/groups/${group.id}`, {
            name: name.value.trim(), description: description.value.trim() || null, joinPolicy: policy.value })) },
        el('h3', {}, t('groups.settings')),
        el('span', { class: 'field-label' }, t('profile.avatar')),
        el('label', { for: 'group-avatar', class: 'file-button' }, t('profile.choosePicture')), picture,
        el('label', { for: 'group-name' }, t('groups.name')), name,
        el('label', { for: 'group-description' }, t('groups.description')), description,
        el('label', { for: 'group-policy' }, t('groups.policy')), policy,
        el('button', { type: 'submit', class: 'secondary' }, t('profile.save'))),
        el('button', { type: 'button', class: 'secondary', id: 'mute-all', onclick: act(() => api('PUT',
            `/groups/${group.id}/mute`, { minutes: group.allMutedUntil ? 0 : 60 })) },
        t(group.allMutedUntil ? 'groups.unmuteAll' : 'groups.muteAll')),
    ];
}

/** What the owner or an admin may do to a member: in one menu, so names are not squeezed by buttons. */
function memberMenu(group, member, owner, manager, act) {
    if (member.user.id === group.ownerId) return null;
    const options = [];
    if (owner) {
        const promote = member.role === 'admin' ? 'member' : 'admin';
        options.push([promote === 'admin' ? 'groups.makeAdmin' : 'groups.makeMember', () => api('PUT',
            `/groups/${group.id}/members/${member.user.id}/role`, { role: promote })]);
        options.push(['groups.transfer', () => api('POST', `/groups/${group.id}/transfer`, { userId: member.user.id }),
            'groups.confirmTransfer']);
    }
    if (owner || (manager && member.role === 'member')) {
        const muted = Boolean(member.mutedUntil);
        options.push([muted ? 'groups.unmute' : 'groups.mute10', () => api('PUT',
            `/groups/${group.id}/members/${member.user.id}/mute`, { minutes: muted ? 0 : 10 })]);
        options.push(['groups.remove', () => api('DELETE', `/groups/${group.id}/members/${member.user.id}`),
            'groups.confirmRemove']);
    }
    if (!options.length) return null;
    const menu = el('details', { class: 'member-menu' },
        el('summary', { class: 'small', 'aria-label': t('groups.manageMember', { name: member.user.displayName }) }, '⋯'),
        el('div', { class: 'member-menu-items' }, options.map(([label, run, confirm]) => (confirm
            ? confirmButton(t(label), t(confirm), act(run), 'small')
            : el('button', { type: 'button', class: 'small secondary', onclick: act(run) }, t(label))))));
    return menu;
}

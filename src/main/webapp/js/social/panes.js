// The smaller contact panes: friend requests both ways, creating a group, managing contact
// groups (分组), and the people one has blocked.
import { api } from '../api.js';
import { avatar, avatarUrl, el } from '../dom.js';
import { t } from '../i18n.js';
import { friendName, shownName } from './roster.js';
import { actor, contactGroupName, problemText, policySelect } from './pane-kit.js';

export async function requestsPane({ state, reload }) {
    const status = el('p', { class: 'form-error', role: 'alert' });
    const act = actor(status, () => reload('requests', 'friends'));
    const row = (request, incoming) => {
        const other = incoming ? request.from : request.to;
        return el('li', { class: 'request-row', dataset: { requestId: request.id } },
            avatar(other.displayName, other.id, '', avatarUrl('users', other.id, other.avatar)),
            el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, shownName(other)),
                el('span', { class: 'row-sub' }, request.message || `@${other.username}`)),
            incoming ? el('span', { class: 'actions' },
                el('button', { type: 'button', class: 'primary accept',
                    onclick: act(() => api('POST', `/friend-requests/${request.id}/accept`)) }, t('requests.accept')),
                el('button', { type: 'button', class: 'secondary decline',
                    onclick: act(() => api('POST', `/friend-requests/${request.id}/decline`)) }, t('requests.decline')))
                : el('button', { type: 'button', class: 'secondary cancel',
                    onclick: act(() => api('DELETE', `/friend-requests/${request.id}`)) }, t('requests.cancel')));
    };
    const { incoming, outgoing } = state.requests;
    return [t('contacts.newFriends'), el('div', { class: 'card' },
        el('h3', {}, t('requests.incoming')),
        incoming.length ? el('ul', { class: 'rows' }, incoming.map((r) => row(r, true))) : el('p', { class: 'hint' }, t('requests.none')),
        el('h3', {}, t('requests.outgoing')),
        outgoing.length ? el('ul', { class: 'rows' }, outgoing.map((r) => row(r, false))) : el('p', { class: 'hint' }, t('requests.none')),
        status)];
}

export async function newGroupPane({ state, reload }) {
    const name = el('input', { id: 'new-group-name', maxlength: 64, required: true, 'aria-describedby': 'new-group-error' });
    const description = el('textarea', { id: 'new-group-description', maxlength: 500, rows: 3 });
    const policy = policySelect('new-group-policy', 'approval');
    const status = el('p', { class: 'form-error', role: 'alert', id: 'new-group-error' });
    const boxes = state.friends.map((f) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', value: f.user.id, class: 'new-group-member' }), avatar(f.user.displayName, f.user.id),
        friendName(f)));
    const form = el('form', { class: 'card stack', onsubmit: async (event) => {
        event.preventDefault();
        status.textContent = '';
        if (!name.value.trim()) {
            status.textContent = t('groups.nameRequired');
            name.setAttribute('aria-invalid', 'true');
            name.focus();
            return;
        }
        try {
            const memberIds = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => Number(i.value));
            const group = await api('POST', '/groups', { name: name.value.trim(), description: description.value.trim() || null,
                joinPolicy: policy.value, memberIds });
            await reload('groups');
            location.hash = `#/contacts/groups/${group.id}`;
        } catch (error) {
            status.textContent = problemText(error);
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

export async function contactGroupsPane({ state, reload }) {
    const status = el('p', { class: 'form-error', role: 'alert' });
    const act = actor(status, () => reload('friends'));
    const fresh = el('input', { id: 'new-contact-group', maxlength: 32 });
    return [t('contacts.manageGroups'), el('div', { class: 'card' },
        el('ul', { class: 'rows' }, state.contactGroups.map((g) => {
            const name = el('input', { maxlength: 32, value: contactGroupName(g), 'aria-label': t('contacts.groupName') });
            return el('li', { class: 'inline' },
                el('form', { class: 'inline', onsubmit: act(() => api('PUT', `/contact-groups/${g.id}`, { name: name.value.trim() })) },
                    name, el('button', { type: 'submit', class: 'small secondary' }, t('contacts.rename'))),
                g.isDefault ? null : el('button', { type: 'button', class: 'small secondary',
                    onclick: act(() => api('DELETE', `/contact-groups/${g.id}`)) }, t('contacts.delete')));
        })),
        el('form', { class: 'inline', onsubmit: act(async () => {
            await api('POST', '/contact-groups', { name: fresh.value.trim() });
            fresh.value = '';
        }) }, el('label', { for: 'new-contact-group' }, t('contacts.newGroup')), fresh,
        el('button', { type: 'submit', class: 'small secondary' }, t('contacts.add'))),
        status)];
}

export async function blockedPane({ state, reload }) {
    const status = el('p', { class: 'form-error', role: 'alert' });
    const act = actor(status, () => reload('blocked'));
    return [t('contacts.blocked'), el('div', { class: 'card' },
        state.blocked.length ? el('ul', { class: 'rows' }, state.blocked.map((b) => el('li', { class: 'request-row',
            dataset: { userId: b.user.id } },
        avatar(b.user.displayName, b.user.id, '', avatarUrl('users', b.user.id, b.user.avatar)),
        el('div', { class: 'row-main' }, el('span', { class: 'row-title' }, b.user.displayName),
            el('span', { class: 'row-sub' }, `@${b.user.username}`)),
        el('button', { type: 'button', class: 'secondary unblock', onclick: act(() => api('DELETE', `/blocks/${b.user.id}`)) },
            t('contacts.unblock')))))
            : el('p', { class: 'hint' }, t('contacts.noneBlocked')),
        status)];
}

// A person's card: for a friend, the remark and contact group, a chat, delete and block; for
// someone asking to be a friend, accept or decline; for someone asked, cancel; for a stranger,
// a friend request; for someone one has blocked, unblock. One's own card points to the profile.
import { api } from '../api.js';
import { add, avatar, avatarUrl, botBadge, el } from '../dom.js';
import { t } from '../i18n.js';
import { friendName } from './roster.js';
import { actor, confirmButton, contactGroupName } from './pane-kit.js';

export async function personPane({ me, state, reload }, person) {
    const friend = state.friends.find((f) => f.user.id === person.id);
    const incoming = state.requests.incoming.find((r) => r.from.id === person.id);
    const outgoing = state.requests.outgoing.find((r) => r.to.id === person.id);
    const blocked = state.blocked.some((b) => b.user.id === person.id);
    const status = el('p', { class: 'form-error', role: 'alert' });
    const act = actor(status);
    const title = friend ? friendName(friend) : person.displayName;
    const card = el('div', { class: 'card person-card', dataset: { userId: person.id } },
        el('div', { class: 'card-head' }, avatar(person.displayName, person.id, 'large', avatarUrl('users', person.id, person.avatar)),
            el('div', {}, el('p', { class: 'card-title' }, title, botBadge(person)),
                el('p', { class: 'row-sub' }, `@${person.username}`),
                friend?.remark ? el('p', { class: 'row-sub' }, t('contacts.displayNameIs', { name: person.displayName })) : null)),
        person.signature ? el('p', { class: 'signature' }, person.signature) : null,
        person.region ? el('p', { class: 'row-sub' }, `${t('profile.region')}: ${person.region}`) : null);

    if (person.id === me.id) {
        add(card, el('p', { class: 'hint', id: 'this-is-you' }, t('contacts.thisIsYou')),
            el('a', { class: 'button-link', href: '#/profile' }, t('profile.edit')));
    } else if (friend) {
        add(card, el('button', { type: 'button', class: 'primary', id: 'send-message', onclick: () => window.dispatchEvent(
            new CustomEvent('plume:open-chat', { detail: { userId: person.id } })) }, t('contacts.sendMessage')));
        const remark = el('input', { id: 'friend-remark', maxlength: 32, value: friend.remark || '' });
        const group = el('select', { id: 'friend-group' }, state.contactGroups.map((g) => el('option', {
            value: g.id, selected: g.id === friend.contactGroupId }, contactGroupName(g))));
        add(card, el('form', { class: 'stack', onsubmit: act(async () => {
            await api('PUT', `/friends/${person.id}`, { remark: remark.value.trim() || null, contactGroupId: Number(group.value) });
            await reload('friends');
        }) },
        el('label', { for: 'friend-remark' }, t('contacts.remark')), remark,
        el('label', { for: 'friend-group' }, t('contacts.contactGroup')), group,
        el('button', { type: 'submit', class: 'primary', id: 'save-friend' }, t('profile.save'))),
        el('div', { class: 'actions' },
            confirmButton(t('contacts.deleteFriend'), t('contacts.confirmDelete'), act(async () => {
                await api('DELETE', `/friends/${person.id}`);
                await reload('friends');
            })),
            confirmButton(t('contacts.block'), t('contacts.confirmBlock'), act(async () => {
                await api('PUT', `/blocks/${person.id}`);
                await reload('friends', 'requests', 'blocked');
            }))));
    } else if (blocked) {
        add(card, el('p', { class: 'hint' }, t('contacts.youBlocked')),
            el('button', { type: 'button', class: 'secondary', id: 'unblock', onclick: act(async () => {
                await api('DELETE', `/blocks/${person.id}`);
                await reload('blocked');
            }) }, t('contacts.unblock')));
    } else if (incoming) {
        add(card, incoming.message ? el('blockquote', {}, incoming.message) : null, el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'primary accept', onclick: act(() => answer(incoming.id, 'accept')) },
                t('requests.accept')),
            el('button', { type: 'button', class: 'secondary decline', onclick: act(() => answer(incoming.id, 'decline')) },
                t('requests.decline'))));
    } else if (outgoing) {
        add(card, el('p', { class: 'hint', id: 'request-sent' }, t('requests.waiting')),
            el('button', { type: 'button', class: 'secondary', onclick: act(async () => {
                await api('DELETE', `/friend-requests/${outgoing.id}`);
                await reload('requests');
            }) }, t('requests.cancel')));
    } else {
        const note = el('input', { id: 'friend-request-message', maxlength: 100,
            placeholder: t('requests.messagePlaceholder') });
        add(card, el('form', { class: 'stack', onsubmit: act(async () => {
            await api('POST', '/friend-requests', { userId: person.id, message: note.value.trim() || null });
            await reload('requests', 'friends');
        }) },
        el('label', { for: 'friend-request-message' }, t('requests.message')), note,
        el('button', { type: 'submit', class: 'primary', id: 'send-friend-request' }, t('requests.add'))));
    }
    add(card, status);
    return [title, card];

    async function answer(id, verb) {
        await api('POST', `/friend-requests/${id}/${verb}`);
        await reload('requests', 'friends');
    }
}

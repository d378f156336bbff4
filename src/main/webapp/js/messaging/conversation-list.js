// The chat list: pinned first, then most recent; each row with its avatar, title (one's remark
// for a friend), a draft or the last message, time, unread count and muted mark; the unread
// total on the Chats badge and in the window title; and message search across all chats. Rows
// are kept per conversation and rebuilt only when what they show changed.
import { api } from '../api.js';
import { avatar, avatarUrl, el, KeyedNodes, reconcile, replace } from '../dom.js';
import { t } from '../i18n.js';
import { shortTime } from './time.js';

export function createConversationList({ root, state, names, drafts, setBadge, onOpen, onJump }) {
    const rows = new KeyedNodes();
    const query = el('input', { type: 'search', id: 'search-messages', maxlength: 100 });
    const searchButton = el('button', { type: 'submit', class: 'search-button' });
    const form = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        const text = query.value.trim();
        if (text) search(text, null).catch(() => {});
        else clearHits();
    } }, query, searchButton);
    const hits = el('section', { class: 'results', hidden: true });
    const list = el('ul', { class: 'rows', id: 'conversation-list' });
    const empty = el('p', { class: 'empty' });
    replace(root, form, hits, list, empty);

    function sorted() {
        return [...state.conversations.values()].sort((a, b) => (b.pinned - a.pinned)
            || String(b.lastMessageAt ?? '').localeCompare(String(a.lastMessageAt ?? '')));
    }

    function render() {
        let total = 0;
        for (const c of state.conversations.values()) if (!c.muted) total += c.unread;
        setBadge('chats', total, t('chats.unreadBadge', { count: total }));
        document.title = total ? `(${total > 99 ? '99+' : total}) Plume` : 'Plume';
        query.placeholder = t('chats.searchMessages');
        query.setAttribute('aria-label', t('chats.searchMessages'));
        form.setAttribute('aria-label', t('chats.searchMessages'));
        searchButton.textContent = t('contacts.search');
        const conversations = sorted();
        reconcile(list, conversations.map(row));
        rows.sweep();
        empty.hidden = conversations.length > 0;
        empty.textContent = t('chats.emptyHint');
    }

    function row(c) {
        const draft = state.open === c.id ? '' : drafts(c.id);
        const look = {
            title: names.title(c),
            current: state.open === c.id,
            pinned: Boolean(c.pinned),
            muted: Boolean(c.muted),
            unread: c.unread,
            time: c.lastMessageAt ? shortTime(c.lastMessageAt) : '',
            sub: draft ? null : (c.lastMessage ? names.preview(c, c.lastMessage) : t('chats.noMessages')),
            draft: draft ? draft.split('\n')[0].slice(0, 80) : null,
            mentioned: Boolean(c.mentionsMe && c.unread),
            picture: c.peer ? avatarUrl('users', c.peer.id, c.peer.avatar) : avatarUrl('groups', c.group?.id, c.group?.avatar),
            language: t('chats.draft'),
        };
        return rows.node(c.id, JSON.stringify(look), () => el('li', {}, el('button', {
            type: 'button', class: `row conversation-row${look.current ? ' current' : ''}`,
            dataset: { conversationId: c.id }, 'aria-current': look.current ? 'true' : null, onclick: () => onOpen(c.id) },
        avatar(look.title, c.peer?.id ?? c.group?.id ?? c.id, '', look.picture),
        el('span', { class: 'row-main' },
            el('span', { class: 'row-title' },
                look.pinned ? el('span', { class: 'pin', 'aria-label': t('chats.pinned') }, '📌 ') : null, look.title),
            el('span', { class: 'row-sub' },
                look.mentioned ? el('span', { class: 'mention-mark' }, `[${t('chats.mentionedYou')}] `) : null,
                look.draft !== null ? [el('span', { class: 'draft-mark' }, `[${t('chats.draft')}] `), look.draft] : look.sub)),
        el('span', { class: 'row-side' },
            el('span', { class: 'time' }, look.time),
            look.muted ? el('span', { class: 'muted-mark', 'aria-label': t('chats.muted') }, '🔕') : null,
            look.unread ? el('span', { class: `badge${look.muted ? ' quiet' : ''}`,
                'aria-label': t('chats.unreadBadge', { count: look.unread }) }, look.unread > 99 ? '99+' : String(look.unread)) : null))));
    }

    async function search(text, conversationId) {
        const scope = conversationId ? `&conversation=${conversationId}` : '';
        const found = await api('GET', `/conversations/search?q=${encodeURIComponent(text)}${scope}`);
        query.value = text;
        showHits(found);
    }

    function showHits(found) {
        hits.hidden = false;
        hits.setAttribute('aria-label', t('contacts.results'));
        replace(hits,
            el('div', { class: 'results-head' }, el('h3', { class: 'list-heading' }, t('contacts.results')),
                el('button', { type: 'button', class: 'link', onclick: clearHits }, t('contacts.clearResults'))),
            found.length ? el('ul', { class: 'rows' }, found.map((hit) => el('li', {}, el('button', {
                type: 'button', class: 'row hit', dataset: { conversationId: hit.message.conversation, seq: hit.message.seq },
                onclick: () => onJump(hit.message.conversation, hit.message.seq) },
            el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, hit.conversationTitle),
                el('span', { class: 'row-sub' }, hit.message.body)),
            el('span', { class: 'time' }, shortTime(hit.message.createdAt))))))
                : el('p', { class: 'hint' }, t('contacts.nothingFound')));
    }

    function clearHits() {
        query.value = '';
        hits.hidden = true;
        replace(hits);
    }

    return {
        render,
        sorted,
        /** Searches one chat (from its header) and shows the hits in the list. */
        searchIn: (text, conversationId) => search(text, conversationId).then(() => query.focus()),
        redrawAll: () => { rows.clear(); render(); },
    };
}

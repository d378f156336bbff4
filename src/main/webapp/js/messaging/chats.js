// Chats: the conversation list (last message, time, unread, pin, mute — live), the chat panel
// (history loading as one scrolls up, date separators, own messages on the right, per-message
// state sending / sent / failed with retry / read, reply, mentions, edit and recall, links,
// emoji), typing, read positions, and notifications (title, desktop, sound).
//
// Messages are kept per conversation by sequence number, so whatever arrives twice (a live
// frame and a history page after a reconnect) is shown once, in order, with no gap. Sends
// carry a client message id and are retried with the same id until acknowledged.
import { api } from '../api.js';
import { add, avatar, avatarUrl, el, humanSize, replace } from '../dom.js';
import { has, t } from '../i18n.js';
import { EMOJI, richText } from './text.js';
import { MessageStore, advance } from './store.js';
import { createViewer, mediaNode } from './media-view.js';
import { beep } from './sound.js';
import { clock, dayLabel, shortTime } from './time.js';

const PAGE = 30;
const SEND_TIMEOUT_MS = 8000;
const TYPING_SHOWN_MS = 5000;

export function mountChats({ gateway, me, openChat, setBadge, isChatVisible }) {
    const list = document.getElementById('chats-body');
    const state = {
        conversations: new Map(),
        messages: new MessageStore(), // per conversation, by seq, with its holes (store.js)
        pending: new Map(),       // clientMessageId → { conversation, body, replyTo, mentions, status, error }
        members: new Map(),       // group conversation id → members
        typing: new Map(),        // conversation id → timer
        open: null,
        replyTo: null,
        editing: null,
        mentions: new Map(),      // name shown after @ → user id, for the message being written
        touched: new Set(),       // conversations a push changed since the list was last loaded
    };
    const openViewer = createViewer();
    const prefs = {
        get notify() { return localStorage.getItem('plume.notify') === 'on'; },
        get sound() { return localStorage.getItem('plume.sound') !== 'off'; },
    };

    // Loading and catching up ------------------------------------------------------------
    async function loadConversations() {
        // Page by page (the server sends at most a page at a time, most recent first): the list
        // shows after the first page, and conversations not yet paged in stay as they were.
        const merged = new Map();
        state.touched.clear();
        let cursor = null;
        do {
            const reply = await gateway.request(cursor ? { type: 'sync', cursor } : { type: 'sync' });
            if (reply.type !== 'sync') return;
            // Merged, never replaced: a frame that arrived while the answer was on its way is newer.
            for (const fresh of reply.conversations) {
                const known = state.conversations.get(fresh.id);
                if (known && known.lastSeq > fresh.lastSeq) {
                    fresh.lastSeq = known.lastSeq;
                    fresh.lastMessage = known.lastMessage;
                    fresh.lastMessageAt = known.lastMessageAt;
                }
                fresh.readSeq = Math.max(fresh.readSeq, known?.readSeq ?? 0);
                fresh.unread = Math.max(0, fresh.lastSeq - fresh.readSeq);
                merged.set(fresh.id, fresh);
            }
            cursor = reply.next ?? null;
            // Until the last page, conversations not paged in yet stay as they were; at the end,
            // those the pages did not return are dropped unless something arrived for them while
            // paging (a conversation that changed moved above the cursor: its push is newer).
            state.conversations = new Map([...merged, ...[...state.conversations]
                .filter(([id]) => !merged.has(id) && (cursor || state.touched.has(id)))]);
            renderList();
        } while (cursor);
        // Whatever arrived while away: page forward from where this page's messages stop being contiguous.
        for (const id of state.messages.conversations()) {
            try {
                await catchUp(id);
            } catch {
                // Offline again; the next welcome tries again.
            }
        }
        resendPending();
        if (state.open) markRead();
    }

    async function catchUp(id) {
        if (!state.messages.has(id) || !state.conversations.has(id)) return;
        let after = state.messages.contiguousTop(id);
        let more = true;
        while (more) {
            const page = await gateway.request({ type: 'history', conversation: id, after, limit: 50 });
            if (page.type !== 'history') return;
            page.messages.forEach(store);
            more = page.hasMore;
            if (page.messages.length) after = page.messages[page.messages.length - 1].seq;
        }
        if (state.open === id) renderChat();
    }

    async function loadOlder(id) {
        state.messages.open(id);
        const before = state.messages.oldest(id);
        const frame = { type: 'history', conversation: id, limit: PAGE };
        if (before) frame.before = before;
        const page = await gateway.request(frame);
        if (page.type !== 'history') return false;
        page.messages.forEach(store);
        if (!page.hasMore) state.messages.markComplete(id);
        return page.messages.length > 0;
    }

    /** Keeps a message; returns whether it landed beyond a hole (see MessageStore.put). */
    function store(message) {
        const gap = state.messages.put(message);
        if (message.clientMessageId && message.sender === me.id) state.pending.delete(message.clientMessageId);
        const conversation = state.conversations.get(message.conversation);
        if (conversation) advance(conversation, message);
        return gap;
    }

    // Live frames ------------------------------------------------------------------------
    gateway.addEventListener('welcome', () => loadConversations().catch(() => {}));
    gateway.addEventListener('message', (event) => {
        const message = event.detail.message;
        state.touched.add(message.conversation);
        const conversation = state.conversations.get(message.conversation);
        if (!conversation) {
            // A conversation this page has not listed yet (a new group, a first message): fetch
            // that one, not the whole list, then take the message as if it had just arrived.
            api('GET', `/conversations/${message.conversation}`).then((fetched) => {
                // Two of these may race: the one that knows more messages wins.
                const known = state.conversations.get(fetched.id);
                if (!known || known.lastSeq < fetched.lastSeq) state.conversations.set(fetched.id, fetched);
                state.touched.add(fetched.id);
                renderList();
            }).catch(() => {});
            return;
        }
        const fresh = message.seq > conversation.lastSeq;
        if (state.messages.has(message.conversation)) {
            // A drop can lose a push: a message beyond a hole makes the page fetch the hole.
            if (store(message)) catchUp(message.conversation).catch(() => {});
        } else {
            if (message.clientMessageId) state.pending.delete(message.clientMessageId);
            advance(conversation, message);
        }
        const mine = message.sender === me.id;
        if (mine) conversation.readSeq = Math.max(conversation.readSeq, message.seq);
        advance(conversation, message);
        renderList();
        if (state.open === message.conversation) {
            renderChat();
            if (isChatVisible() && !document.hidden) markRead();
        }
        if (fresh && !mine) notify(conversation, message);
    });
    gateway.addEventListener('message.updated', (event) => {
        const message = event.detail.message;
        if (state.messages.get(message.conversation, message.seq)) store(message);
        const conversation = state.conversations.get(message.conversation);
        if (conversation?.lastMessage?.seq === message.seq) conversation.lastMessage = message;
        renderList();
        if (state.open === message.conversation) renderChat();
    });
    gateway.addEventListener('read', (event) => {
        const { conversation: id, user, seq } = event.detail;
        const conversation = state.conversations.get(id);
        if (!conversation) return;
        if (user === me.id) {
            conversation.readSeq = Math.max(conversation.readSeq, seq);
            conversation.unread = Math.max(0, conversation.lastSeq - conversation.readSeq);
            renderList();
        } else {
            conversation.peerReadSeq = Math.max(conversation.peerReadSeq ?? 0, seq);
            if (state.open === id) renderChat();
        }
    });
    gateway.addEventListener('conversation.updated', (event) => {
        state.touched.add(event.detail.conversation.id);
        state.conversations.set(event.detail.conversation.id, event.detail.conversation);
        renderList();
        if (state.open === event.detail.conversation.id) renderComposer();
    });
    gateway.addEventListener('typing', (event) => {
        const id = event.detail.conversation;
        clearTimeout(state.typing.get(id));
        state.typing.set(id, setTimeout(() => { state.typing.delete(id); renderTyping(); }, TYPING_SHOWN_MS));
        renderTyping();
    });
    gateway.addEventListener('frame', (event) => applyGroupFrame(event.detail));
    document.addEventListener('visibilitychange', () => { if (!document.hidden && state.open) markRead(); });
    window.addEventListener('plume:open-chat', (event) => openWith(event.detail).catch(() => {}));

    /**
     * A group changed: the frame carries what changed, so it is applied here. (Syncing the whole
     * list on every group frame cost the server one sync per member and change: a nickname change
     * in a 500-member group was 500 syncs.) Only joining a group fetches one conversation.
     */
    function applyGroupFrame(frame) {
        const type = frame.type || '';
        if (!type.startsWith('group.') || type.startsWith('group.join_request.')) return;
        const groupId = frame.group?.id ?? frame.groupId;
        const conversation = [...state.conversations.values()].find((c) => c.group?.id === groupId);
        if (frame.group && conversation) {
            conversation.group = { id: frame.group.id, name: frame.group.name, number: frame.group.number,
                avatar: frame.group.avatar ?? null };
        }
        if (type.startsWith('group.member.') && conversation && state.members.has(conversation.id)) {
            // The frame carries the member (joined, updated) or names who left: applied as is.
            const members = state.members.get(conversation.id).filter((m) => m.user.id !== frame.user);
            if (frame.member) members.push(frame.member);
            state.members.set(conversation.id, members);
        }
        const gone = type === 'group.dissolved'
            || ((type === 'group.member.left' || type === 'group.member.removed') && frame.user === me.id);
        if (gone && conversation) {
            state.conversations.delete(conversation.id);
            if (state.open === conversation.id) renderComposer();
        }
        if (type === 'group.member.joined' && frame.user === me.id && !conversation) {
            api('POST', '/conversations', { groupId }).then((joined) => {
                if (!state.conversations.has(joined.id)) state.conversations.set(joined.id, joined);
                renderList();
            }).catch(() => {});
        }
        renderList();
        if (conversation && !gone && state.open === conversation.id
            && (frame.group || type.startsWith('group.member.'))) renderChat();
    }

    // The list ---------------------------------------------------------------------------
    function sorted() {
        return [...state.conversations.values()].sort((a, b) => (b.pinned - a.pinned)
            || String(b.lastMessageAt ?? '').localeCompare(String(a.lastMessageAt ?? '')));
    }

    function renderList() {
        const total = [...state.conversations.values()].reduce((sum, c) => sum + (c.muted ? 0 : c.unread), 0);
        setBadge('chats', total, t('chats.unreadBadge', { count: total }));
        document.title = total ? `(${total > 99 ? '99+' : total}) Plume` : 'Plume';
        const rows = sorted();
        replace(list, searchForm(), state.hits ? hitList() : null,
            rows.length ? el('ul', { class: 'rows' }, rows.map(conversationRow)) : el('p', { class: 'empty' }, t('chats.empty')));
    }

    function conversationRow(c) {
        const last = c.lastMessage;
        return el('li', {}, el('button', { type: 'button', class: `row conversation-row${state.open === c.id ? ' current' : ''}`,
            dataset: { conversationId: c.id }, onclick: () => open(c.id) },
        avatar(title(c), c.peer?.id ?? c.group?.id ?? c.id, '', c.peer ? avatarUrl('users', c.peer.id, c.peer.avatar)
            : avatarUrl('groups', c.group?.id, c.group?.avatar)),
        el('span', { class: 'row-main' },
            el('span', { class: 'row-title' }, c.pinned ? el('span', { class: 'pin', 'aria-label': t('chats.pinned') }, '📌 ') : null,
                title(c)),
            el('span', { class: 'row-sub' }, last ? preview(c, last) : t('chats.noMessages'))),
        el('span', { class: 'row-side' },
            el('span', { class: 'time' }, c.lastMessageAt ? shortTime(c.lastMessageAt) : ''),
            c.muted ? el('span', { class: 'muted-mark', 'aria-label': t('chats.muted') }, '🔕') : null,
            c.unread ? el('span', { class: `badge${c.muted ? ' quiet' : ''}`, 'aria-label': t('chats.unreadBadge', { count: c.unread }) },
                c.unread > 99 ? '99+' : String(c.unread)) : null)));
    }

    function searchForm() {
        const query = el('input', { type: 'search', id: 'search-messages', maxlength: 100, value: state.query ?? '',
            placeholder: t('chats.searchMessages'), 'aria-label': t('chats.searchMessages') });
        return el('form', { class: 'search', role: 'search', onsubmit: (event) => {
            event.preventDefault();
            state.query = query.value.trim();
            if (state.query) search(state.query, null);
            else {
                state.hits = null;
                renderList();
            }
        } }, query, el('button', { type: 'submit', class: 'search-button' }, t('contacts.search')));
    }

    async function search(query, conversationId) {
        const scope = conversationId ? `&conversation=${conversationId}` : '';
        state.hits = await api('GET', `/conversations/search?q=${encodeURIComponent(query)}${scope}`);
        state.query = query;
        renderList();
        if (conversationId) document.getElementById('search-messages')?.focus();
    }

    function hitList() {
        return el('section', { class: 'results', 'aria-label': t('contacts.results') },
            el('div', { class: 'results-head' }, el('h3', { class: 'list-heading' }, t('contacts.results')),
                el('button', { type: 'button', class: 'link', onclick: () => { state.hits = null; state.query = ''; renderList(); } },
                    t('contacts.clearResults'))),
            state.hits.length ? el('ul', { class: 'rows' }, state.hits.map((hit) => el('li', {}, el('button', {
                type: 'button', class: 'row hit', dataset: { conversationId: hit.message.conversation, seq: hit.message.seq },
                onclick: () => jumpTo(hit.message.conversation, hit.message.seq) },
            el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, hit.conversationTitle),
                el('span', { class: 'row-sub' }, hit.message.body)),
            el('span', { class: 'time' }, shortTime(hit.message.createdAt))))))
                : el('p', { class: 'hint' }, t('contacts.nothingFound')));
    }

    /** Opens a conversation at a message: the page around it, then everything up to now. */
    async function jumpTo(id, seq) {
        state.messages.reset(id);
        const page = await gateway.request({ type: 'history', conversation: id, before: seq + 15, limit: PAGE });
        if (page.type === 'history') {
            page.messages.forEach(store);
            if (!page.hasMore) state.messages.markComplete(id);
        }
        await open(id);
        const target = scroller.querySelector(`.message[data-seq="${seq}"]`);
        if (target) {
            target.classList.add('highlight');
            target.scrollIntoView({ block: 'center' });
        }
    }

    async function preference(name) {
        const conversation = state.conversations.get(state.open);
        if (!conversation) return;
        const updated = await api('PUT', `/conversations/${conversation.id}/settings`, { [name]: !conversation[name] });
        state.conversations.set(updated.id, updated);
        renderList();
        renderComposer();
    }

    async function showReaders(conversationId, seq) {
        const readers = await api('GET', `/conversations/${conversationId}/messages/${seq}/readers`);
        alertInChat(`${t('chats.readBy')} ${readers.readers.map((r) => r.displayName).join(', ')}`);
    }

    function title(c) {
        return c.peer ? c.peer.displayName : (c.group?.name ?? '');
    }

    function preview(c, m) {
        if (m.recalled) return t('chats.recalled');
        if (m.kind === 'system') return systemText(c.id, m);
        const who = c.kind === 'group' && m.sender !== me.id ? `${memberName(c.id, m.sender)}: ` : '';
        if (m.kind === 'image') return `${who}[${t('chats.image')}]`;
        if (m.kind === 'file') return `${who}[${t('chats.file')}] ${m.media?.name ?? ''}`;
        return who + m.body;
    }

    // Opening a chat ---------------------------------------------------------------------
    async function openWith({ userId, groupId }) {
        const conversation = await api('POST', '/conversations', userId ? { userId } : { groupId });
        state.conversations.set(conversation.id, conversation);
        renderList();
        await open(conversation.id);
    }

    /** A group chat's members (for mentions, read lists and the header), fetched for the open chat only. */
    function loadMembers(conversation) {
        api('GET', `/groups/${conversation.group.id}/members`).then((members) => {
            state.members.set(conversation.id, members);
            if (state.open === conversation.id) renderChat();
        }).catch(() => {});
    }

    async function open(id) {
        state.open = id;
        state.replyTo = null;
        state.editing = null;
        state.mentions.clear();
        const conversation = state.conversations.get(id);
        if (conversation?.kind === 'group' && !state.members.has(id)) loadMembers(conversation);
        if (!state.messages.has(id)) await loadOlder(id);
        else await catchUp(id);
        renderList();
        renderChat(true);
        markRead();
    }

    /** Reads up to what the open chat shows without a hole (never past it). */
    function markRead() {
        const conversation = state.conversations.get(state.open);
        if (!conversation || !state.messages.has(state.open) || !isChatVisible()) return;
        const seen = Math.min(conversation.lastSeq, state.messages.contiguousTop(state.open));
        if (seen <= conversation.readSeq) return;
        gateway.request({ type: 'read', conversation: conversation.id, seq: seen }).catch(() => {});
        conversation.readSeq = seen;
        conversation.unread = Math.max(0, conversation.lastSeq - seen);
        renderList();
    }

    // The chat panel ---------------------------------------------------------------------
    const pinButton = el('button', { type: 'button', class: 'small', id: 'toggle-pin', onclick: () => preference('pinned') });
    const muteButton = el('button', { type: 'button', class: 'small', id: 'toggle-mute', onclick: () => preference('muted') });
    const findInput = el('input', { type: 'search', id: 'find-in-chat', maxlength: 100 });
    const toolbar = el('form', { class: 'chat-toolbar', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        if (findInput.value.trim()) search(findInput.value.trim(), state.open);
    } }, findInput, pinButton, muteButton);
    const pane = el('div', { class: 'chat' });
    const scroller = el('div', { class: 'chat-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    const typingLine = el('p', { class: 'typing', 'aria-live': 'polite' });
    const replyBar = el('div', { class: 'reply-bar', hidden: true });
    const suggestions = el('ul', { class: 'suggestions', role: 'listbox', hidden: true });
    const emojiPanel = el('div', { class: 'emoji-panel', hidden: true, role: 'group' });
    const input = el('textarea', { id: 'composer', rows: 2 });
    const sendButton = el('button', { type: 'submit', class: 'primary send', id: 'send-button' });
    const emojiButton = el('button', { type: 'button', class: 'emoji-button', 'aria-expanded': 'false' }, '😀');
    const fileInput = el('input', { type: 'file', id: 'attach-file', multiple: true, hidden: true });
    const attachButton = el('button', { type: 'button', class: 'emoji-button', id: 'attach-button', onclick: () => fileInput.click() }, '📎');
    fileInput.addEventListener('change', () => {
        [...fileInput.files].forEach(upload);
        fileInput.value = '';
    });
    const composer = el('form', { class: 'composer', onsubmit: (event) => { event.preventDefault(); submit(); } },
        replyBar, suggestions, emojiPanel,
        el('div', { class: 'composer-row' }, emojiButton, attachButton, fileInput, input, sendButton));
    input.addEventListener('paste', (event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length) {
            event.preventDefault();
            files.forEach(upload);
        }
    });
    pane.addEventListener('dragover', (event) => { event.preventDefault(); pane.classList.add('dropping'); });
    pane.addEventListener('dragleave', () => pane.classList.remove('dropping'));
    pane.addEventListener('drop', (event) => {
        event.preventDefault();
        pane.classList.remove('dropping');
        [...(event.dataTransfer?.files ?? [])].forEach(upload);
    });
    add(pane, toolbar, typingLine, scroller, composer);

    EMOJI.forEach((emoji) => emojiPanel.append(el('button', { type: 'button', class: 'emoji', onclick: () => {
        insert(emoji);
        emojiPanel.hidden = true;
        emojiButton.setAttribute('aria-expanded', 'false');
    } }, emoji)));
    emojiButton.addEventListener('click', () => {
        emojiPanel.hidden = !emojiPanel.hidden;
        emojiButton.setAttribute('aria-expanded', String(!emojiPanel.hidden));
    });
    input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
        } else if (event.key === 'Escape') {
            state.replyTo = null;
            state.editing = null;
            input.value = '';
            renderComposer();
        }
    });
    let lastTyping = 0;
    input.addEventListener('input', () => {
        const conversation = state.conversations.get(state.open);
        if (conversation?.kind === 'direct' && Date.now() - lastTyping > 2000 && input.value) {
            lastTyping = Date.now();
            gateway.send({ type: 'typing', conversation: conversation.id });
        }
        suggestMentions();
    });
    scroller.addEventListener('scroll', async () => {
        if (scroller.scrollTop > 40 || state.messages.isComplete(state.open) || scroller.dataset.loading) return;
        scroller.dataset.loading = 'true';
        const id = state.open;
        const height = scroller.scrollHeight;
        try {
            if (await loadOlder(id) && state.open === id) {
                renderChat();
                scroller.scrollTop = scroller.scrollHeight - height;
            }
        } finally {
            delete scroller.dataset.loading;
        }
    });

    function renderChat(toBottom = false) {
        const id = state.open;
        const conversation = state.conversations.get(id);
        if (!conversation) return;
        openChat(title(conversation), pane, conversation.peer ? `@${conversation.peer.username}`
            : t('groups.numberAndCount', { number: conversation.group.number, count: state.members.get(id)?.length ?? '…' }));
        const atBottom = toBottom || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
        const held = state.messages.sorted(id);
        const pending = [...state.pending.entries()].filter(([, p]) => p.conversation === id);
        const nodes = [];
        if (!state.messages.isComplete(id) && held.length) nodes.push(el('p', { class: 'hint center' }, t('chats.scrollForMore')));
        let day = null;
        for (const message of held) {
            const date = new Date(message.createdAt).toDateString();
            if (date !== day) {
                day = date;
                nodes.push(el('p', { class: 'date-separator', role: 'separator' }, dayLabel(message.createdAt)));
            }
            nodes.push(messageNode(conversation, message));
        }
        for (const [clientId, p] of pending) nodes.push(pendingNode(clientId, p));
        replace(scroller, nodes);
        if (atBottom) scroller.scrollTop = scroller.scrollHeight;
        renderTyping();
        renderComposer();
    }

    function messageNode(conversation, m) {
        if (m.kind === 'system') {
            return el('p', { class: 'system-message', dataset: { seq: m.seq } }, systemText(conversation.id, m));
        }
        const mine = m.sender === me.id;
        const bubble = el('div', { class: 'bubble' },
            m.replyTo ? quote(conversation.id, m.replyTo) : null,
            m.recalled ? el('em', { class: 'recalled' }, mine ? t('chats.youRecalled') : t('chats.recalled'))
                : [mediaNode(m, openViewer), m.body ? el('span', { class: 'text' }, richText(m.body)) : null],
            m.editedAt && !m.recalled ? el('span', { class: 'edited' }, ` ${t('chats.edited')}`) : null);
        const status = !mine ? null : conversation.kind === 'group' && m.readCount
            ? el('button', { type: 'button', class: 'link status', onclick: () => showReaders(conversation.id, m.seq) }, receipt(conversation, m))
            : el('span', { class: 'status' }, receipt(conversation, m));
        return el('div', { class: `message${mine ? ' mine' : ''}${m.mentions?.includes(me.id) ? ' mentions-me' : ''}`,
            dataset: { seq: m.seq } },
        mine ? null : avatar(memberName(conversation.id, m.sender), m.sender, '', avatarUrl('users', m.sender, avatarOf(conversation.id, m.sender))),
        el('div', { class: 'message-main' },
            mine || conversation.kind === 'direct' ? null : el('span', { class: 'author' }, memberName(conversation.id, m.sender)),
            bubble,
            el('span', { class: 'meta' }, el('time', { datetime: m.createdAt }, clock(m.createdAt)), status,
                m.recalled ? null : actions(conversation, m, mine))));
    }

    function pendingNode(clientId, p) {
        const content = p.file ? el('span', { class: 'text' }, `${p.file.name} · ${humanSize(p.file.size)}`)
            : el('span', { class: 'text' }, richText(p.body));
        const progress = p.status === 'uploading' ? [el('progress', { max: 100, value: p.progress ?? 0,
            'aria-label': t('chats.uploading', { name: p.file.name }) }),
        el('button', { type: 'button', class: 'small cancel-upload', onclick: () => { p.xhr?.abort(); state.pending.delete(clientId); renderChat(); } },
            t('chats.cancel'))] : null;
        return el('div', { class: 'message mine pending', dataset: { clientId } },
            el('div', { class: 'message-main' },
                el('div', { class: 'bubble' }, content, progress),
                el('span', { class: 'meta' }, p.status === 'failed'
                    ? [el('span', { class: 'status failed' }, p.error || t('chats.failed')),
                        el('button', { type: 'button', class: 'small retry', onclick: () => trySend(clientId) }, t('chats.retry'))]
                    : el('span', { class: 'status' }, t(p.status === 'uploading' ? 'chats.uploadingShort' : 'chats.sending')))));
    }

    // Uploads: over HTTP (so they stream and show progress), then sent like any message.
    function upload(file) {
        if (!state.open) return;
        const clientId = crypto.randomUUID();
        state.pending.set(clientId, { conversation: state.open, file, status: 'uploading', progress: 0, mentions: [], replyTo: null });
        startUpload(clientId);
        renderChat(true);
    }

    function startUpload(clientId) {
        const p = state.pending.get(clientId);
        p.status = 'uploading';
        p.progress = 0;
        const xhr = new XMLHttpRequest();
        p.xhr = xhr;
        xhr.open('POST', `/api/v1/media?conversation=${p.conversation}&name=${encodeURIComponent(p.file.name || 'file')}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.addEventListener('progress', (event) => {
            if (!event.lengthComputable) return;
            p.progress = Math.round((event.loaded / event.total) * 100);
            const bar = scroller.querySelector(`[data-client-id="${clientId}"] progress`);
            if (bar) bar.value = p.progress;
        });
        xhr.addEventListener('load', () => {
            if (xhr.status === 201) {
                p.media = JSON.parse(xhr.responseText).id;
                trySend(clientId);
            } else {
                let problem = null;
                try { problem = JSON.parse(xhr.responseText); } catch { problem = null; }
                p.status = 'failed';
                p.error = problem && has(`error.${problem.code}`) ? t(`error.${problem.code}`) : (problem?.detail ?? t('error.generic'));
                renderChat();
            }
        });
        xhr.addEventListener('error', () => { p.status = 'failed'; p.error = t('error.network'); renderChat(); });
        xhr.send(p.file);
    }

    function receipt(conversation, m) {
        if (conversation.kind === 'direct') {
            return (conversation.peerReadSeq ?? 0) >= m.seq ? t('chats.read') : t('chats.sent');
        }
        return m.readCount ? t('chats.readCount', { count: m.readCount }) : t('chats.sent');
    }

    function quote(conversationId, seq) {
        const original = state.messages.get(conversationId, seq);
        const text = !original ? t('chats.earlierMessage') : original.recalled ? t('chats.recalled') : original.body;
        return el('blockquote', { class: 'quote' }, original ? `${memberName(conversationId, original.sender)}: ` : '',
            text.length > 80 ? `${text.slice(0, 80)}…` : text);
    }

    function actions(conversation, m, mine) {
        const age = Date.now() - new Date(m.createdAt).getTime();
        const manager = conversation.kind === 'group' && ['owner', 'admin'].includes(myRole(conversation.id));
        const buttons = [el('button', { type: 'button', class: 'link reply', onclick: () => {
            state.replyTo = m.seq;
            renderComposer();
            input.focus();
        } }, t('chats.reply'))];
        if (mine && age < 15 * 60 * 1000) {
            buttons.push(el('button', { type: 'button', class: 'link edit', onclick: () => {
                state.editing = m.seq;
                input.value = m.body;
                renderComposer();
                input.focus();
            } }, t('chats.edit')));
        }
        if ((mine && age < 2 * 60 * 1000) || manager) {
            buttons.push(el('button', { type: 'button', class: 'link recall', onclick: () => request({
                type: 'recall', conversation: conversation.id, seq: m.seq }) }, t('chats.recall')));
        }
        return el('span', { class: 'message-actions' }, buttons);
    }

    function renderComposer() {
        const conversation = state.conversations.get(state.open);
        replyBar.hidden = state.replyTo === null && state.editing === null;
        if (!replyBar.hidden) {
            replace(replyBar, el('span', {}, state.editing !== null ? t('chats.editing')
                : [t('chats.replyingTo'), ' ', quote(state.open, state.replyTo)]),
            el('button', { type: 'button', class: 'link', onclick: () => {
                state.replyTo = null;
                if (state.editing !== null) input.value = '';
                state.editing = null;
                renderComposer();
            } }, t('chats.cancel')));
        }
        input.setAttribute('aria-label', t('chats.message'));
        findInput.setAttribute('aria-label', t('chats.findInChat'));
        findInput.placeholder = t('chats.findInChat');
        pinButton.textContent = t(conversation?.pinned ? 'chats.unpin' : 'chats.pin');
        muteButton.textContent = t(conversation?.muted ? 'chats.unmute' : 'chats.mute');
        input.placeholder = conversation ? t('chats.writeTo', { name: title(conversation) }) : '';
        sendButton.textContent = state.editing !== null ? t('profile.save') : t('chats.send');
        emojiButton.setAttribute('aria-label', t('chats.emoji'));
        attachButton.setAttribute('aria-label', t('chats.attach'));
        emojiPanel.setAttribute('aria-label', t('chats.emoji'));
    }

    function renderTyping() {
        typingLine.textContent = state.open && state.typing.has(state.open) ? t('chats.typing') : '';
    }

    // Sending ----------------------------------------------------------------------------
    function submit() {
        const body = input.value;
        if (!body.trim() || !state.open) return;
        if (state.editing !== null) {
            request({ type: 'edit', conversation: state.open, seq: state.editing, body });
            state.editing = null;
        } else {
            const clientId = crypto.randomUUID();
            const mentions = [...state.mentions.entries()].filter(([name]) => body.includes(`@${name}`)).map(([, id]) => id);
            state.pending.set(clientId, { conversation: state.open, body, replyTo: state.replyTo, mentions, status: 'sending' });
            state.replyTo = null;
            state.mentions.clear();
            trySend(clientId);
        }
        input.value = '';
        renderChat(true);
    }

    async function trySend(clientId) {
        const p = state.pending.get(clientId);
        if (!p) return;
        if (p.file && !p.media) {
            startUpload(clientId);
            renderChat();
            return;
        }
        p.status = 'sending';
        if (state.open === p.conversation) renderChat(true);
        const frame = { type: 'send', conversation: p.conversation, clientMessageId: clientId };
        if (p.body) frame.body = p.body;
        if (p.media) frame.media = p.media;
        if (p.replyTo) frame.replyTo = p.replyTo;
        if (p.mentions.length) frame.mentions = p.mentions;
        try {
            const reply = await gateway.request(frame, SEND_TIMEOUT_MS);
            if (reply.type === 'ack') {
                // Stored. The live message frame may already have shown it; if not, show it from the ack.
                const held = state.messages.has(p.conversation);
                if (held && !state.messages.get(p.conversation, reply.seq) && !p.media) {
                    store({ id: reply.messageId, conversation: p.conversation, seq: reply.seq, sender: me.id,
                        clientMessageId: clientId, kind: 'text', body: p.body, replyTo: p.replyTo, mentions: p.mentions,
                        createdAt: reply.createdAt, recalled: false });
                } else if (held && !state.messages.get(p.conversation, reply.seq)) {
                    catchUp(p.conversation).catch(() => {});
                }
                state.pending.delete(clientId);
            } else {
                p.status = 'failed';
                p.error = has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message;
            }
        } catch {
            p.status = 'failed';
            p.error = null;
        }
        if (state.open === p.conversation) renderChat();
    }

    /** After a reconnect, everything not yet acknowledged is sent again under the same id. */
    function resendPending() {
        for (const [clientId, p] of state.pending) if (p.status !== 'uploading') trySend(clientId);
    }

    async function request(frame) {
        try {
            const reply = await gateway.request(frame);
            if (reply.type === 'error') alertInChat(has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message);
        } catch {
            alertInChat(t('error.network'));
        }
    }

    function alertInChat(text) {
        typingLine.textContent = text;
    }

    function insert(text) {
        const start = input.selectionStart ?? input.value.length;
        input.value = input.value.slice(0, start) + text + input.value.slice(input.selectionEnd ?? start);
        input.focus();
        input.selectionStart = input.selectionEnd = start + text.length;
    }

    // Mentions ---------------------------------------------------------------------------
    function suggestMentions() {
        const members = state.members.get(state.open);
        const match = /@([^\s@]*)$/u.exec(input.value.slice(0, input.selectionStart));
        if (!members || !match) {
            suggestions.hidden = true;
            return;
        }
        const query = match[1].toLowerCase();
        const found = members.filter((m) => m.user.id !== me.id && (m.nickname || m.user.displayName).toLowerCase().includes(query))
            .slice(0, 6);
        suggestions.hidden = found.length === 0;
        replace(suggestions, found.map((m) => {
            const name = m.nickname || m.user.displayName;
            return el('li', { role: 'option' }, el('button', { type: 'button', class: 'suggestion', onclick: () => {
                const start = input.selectionStart - match[0].length;
                input.value = `${input.value.slice(0, start)}@${name} ${input.value.slice(input.selectionStart)}`;
                state.mentions.set(name, m.user.id);
                suggestions.hidden = true;
                input.focus();
            } }, avatar(name, m.user.id), name));
        }));
    }

    // Names and words --------------------------------------------------------------------
    function memberName(conversationId, userId) {
        if (userId === undefined || userId === null) return t('chats.someone');
        if (userId === me.id) return me.displayName;
        const conversation = state.conversations.get(conversationId);
        if (conversation?.peer?.id === userId) return conversation.peer.displayName;
        const member = state.members.get(conversationId)?.find((m) => m.user.id === userId);
        return member ? (member.nickname || member.user.displayName) : t('chats.someone');
    }

    function avatarOf(conversationId, userId) {
        const conversation = state.conversations.get(conversationId);
        if (conversation?.peer?.id === userId) return conversation.peer.avatar;
        return state.members.get(conversationId)?.find((m) => m.user.id === userId)?.user.avatar ?? null;
    }

    function myRole(conversationId) {
        return state.members.get(conversationId)?.find((m) => m.user.id === me.id)?.role;
    }

    function systemText(conversationId, m) {
        let event;
        try {
            event = JSON.parse(m.body);
        } catch {
            return '';
        }
        const key = `chats.system.${event.event}`;
        return has(key) ? t(key, { user: memberName(conversationId, event.user), by: memberName(conversationId, event.by),
            detail: event.detail ?? '' }) : '';
    }

    // Notifications ----------------------------------------------------------------------
    function notify(conversation, message) {
        const mentioned = message.mentions?.includes(me.id);
        if (conversation.muted && !mentioned) return;
        const looking = state.open === conversation.id && isChatVisible() && !document.hidden;
        if (looking) return;
        if (prefs.sound) beep();
        if (document.hidden && prefs.notify && 'Notification' in window && Notification.permission === 'granted') {
            // The Notification API renders its text as text.
            const note = new Notification(title(conversation), { body: preview(conversation, message), tag: `c${conversation.id}` });
            note.onclick = () => { window.focus(); open(conversation.id); };
        }
    }

    renderList();
    return {
        render: () => { renderList(); if (state.open) renderChat(); },
        close: () => { state.open = null; renderList(); },
    };
}

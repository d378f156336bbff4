// Chats: keeps the conversations and their messages in step with the server and wires the parts
// that show them — the list (conversation-list.js), the open chat (chat-panel.js, drawn by
// message-view.js), the composer (composer.js) and what is still on its way (outbox.js).
//
// Messages are kept per conversation by sequence number (store.js), so whatever arrives twice (a
// live frame and a history page after a reconnect) is shown once, in order, with no gap.
import { api } from '../api.js';
import { has, t } from '../i18n.js';
import { roster } from '../social/roster.js';
import { MessageStore, advance } from './store.js';
import { createSync } from './sync.js';
import { createViewer } from './media-view.js';
import { createNotifier } from './notifier.js';
import { createNames } from './names.js';
import { createMessageView } from './message-view.js';
import { createComposer } from './composer.js';
import { createOutbox } from './outbox.js';
import { createConversationList } from './conversation-list.js';
import { createChatPanel } from './chat-panel.js';
import { applyGroupFrame } from './group-frames.js';
import { openForwardDialog } from './forward-dialog.js';

const TYPING_SHOWN_MS = 5000;

export function mountChats({ gateway, me, openChat, setBadge, isChatVisible, navigate, calls }) {
    const state = {
        conversations: new Map(),
        messages: new MessageStore(), // per conversation, by seq, with its holes
        pending: new Map(),       // clientMessageId → { conversation, body, replyTo, mentions, status, error }
        members: new Map(),       // group conversation id → the members held (a first page, bots, search hits)
        groupInfo: new Map(),     // group conversation id → { memberCount, myRole, complete: all members held }
        pins: new Map(),          // conversation id → its pinned messages (loaded when opened, then live)
        typing: new Map(),        // conversation id → timer
        open: null,
        divider: null,            // { conversation, after }: "new messages" goes before the first unread
        selection: null,          // { conversation, seqs }: messages chosen to forward or delete together
        touched: new Set(),       // conversations a push changed since the list was last loaded
    };
    const names = createNames({ me, state });
    const notify = createNotifier({ me, state, names, isChatVisible, navigate });
    const sync = createSync({ gateway, me, state, renderList: () => list.render(), renderChat: () => renderChat() });
    const { store, catchUp, loadOlder } = sync;
    const outbox = createOutbox({ me, gateway, state, store, catchUp, changed: (id, toBottom) => {
        if (state.open === id) panel.render(toBottom);
    } });
    const composer = createComposer({ me, gateway, state, names, searchMembers: sync.searchMembers,
        onSend: (id, message) => { outbox.send(id, message); panel.render(true); },
        onEdit: (id, seq, body) => request({ type: 'edit', conversation: id, seq, body }),
        onFiles: (files, conversation = state.open) => { if (conversation) files.forEach((file) => outbox.upload(conversation, file)); },
        onEditLast: () => { const m = panel.lastEditable(); if (m) composer.edit(m); },
        onError: (text) => panel.say(text) });
    const view = createMessageView({ me, state, names, openViewer: createViewer(),
        onShowReaders: showReaders, onRetry: (id) => outbox.retry(id), onCancelUpload: (id) => outbox.cancel(id),
        onReact: (conversation, seq, emoji, on) => request({ type: 'react', conversation, seq, emoji, on }),
        onVote: vote });
    const list = createConversationList({ root: document.getElementById('chats-body'), state, names,
        drafts: (id) => composer.draftOf(id), setBadge, onOpen: (id) => navigate(id), onJump: jumpTo });
    const panel = createChatPanel({ me, state, names, view, composer, outbox, loadOlder, request,
        onPreference: preference, onFind: (text) => list.searchIn(text, state.open).catch(() => {}), onShowReaders: showReaders,
        infoRoute: (c) => (c.peer ? `#/contacts/people/${c.peer.username}` : `#/contacts/groups/${c.group.id}`),
        onForward: (conversation, seqs, onDone) => openForwardDialog({ gateway, names, conversations: () => list.sorted(),
            messages: seqs.map((seq) => ({ conversation, seq })), onDone }),
        onJump: (conversation, seq) => { jumpTo(conversation, seq).catch(() => {}); } });
    composer.onDraftChange(() => list.render());
    roster.onChange(() => { list.render(); if (state.open) renderChat(); });

    // Live frames ------------------------------------------------------------------------
    gateway.addEventListener('welcome', () => sync.loadConversations().then(() => {
        // Pins may have changed while away: the open chat's are asked again, the others when opened.
        state.pins.clear();
        if (state.open) sync.loadPins(state.open);
        outbox.resendAll();
        if (state.open) markRead();
    }).catch(() => {}));
    gateway.addEventListener('message', (event) => received(event.detail.message));
    gateway.addEventListener('message.updated', (event) => {
        const message = event.detail.message;
        const held = state.messages.get(message.conversation, message.seq);
        if (held) store(merged(held, message));
        const conversation = state.conversations.get(message.conversation);
        if (conversation?.lastMessage?.seq === message.seq) conversation.lastMessage = merged(conversation.lastMessage, message);
        const pins = state.pins.get(message.conversation);
        if (pins?.some((p) => p.message.seq === message.seq)) {
            state.pins.set(message.conversation, pins.map((p) => (p.message.seq === message.seq
                ? { ...p, message: merged(p.message, message) } : p)));
        }
        list.render();
        if (state.open === message.conversation) renderChat();
    });

    /**
     * A changed message over what is held: what the update does not carry (one's read count, the
     * sender's name) is kept, and a message one deleted stays deleted.
     */
    function merged(held, update) {
        if (held.hidden) return held;
        return { ...update, readCount: update.readCount ?? held.readCount, senderName: update.senderName ?? held.senderName };
    }
    gateway.addEventListener('read', (event) => {
        const { conversation: id, user, seq } = event.detail;
        const conversation = state.conversations.get(id);
        if (!conversation) return;
        if (user === me.id) {
            conversation.readSeq = Math.max(conversation.readSeq, seq);
            conversation.unread = Math.max(0, conversation.lastSeq - conversation.readSeq);
            if (!conversation.unread) conversation.mentionsMe = false;
            list.render();
        } else {
            conversation.peerReadSeq = Math.max(conversation.peerReadSeq ?? 0, seq);
            if (state.open === id) renderChat();
        }
    });
    gateway.addEventListener('conversation.updated', (event) => {
        state.touched.add(event.detail.conversation.id);
        state.conversations.set(event.detail.conversation.id, event.detail.conversation);
        list.render();
        if (state.open === event.detail.conversation.id) renderChat();
    });
    gateway.addEventListener('typing', (event) => {
        const id = event.detail.conversation;
        clearTimeout(state.typing.get(id));
        state.typing.set(id, setTimeout(() => { state.typing.delete(id); panel.renderTyping(); }, TYPING_SHOWN_MS));
        panel.renderTyping();
    });
    gateway.addEventListener('frame', (event) => applyGroupFrame(event.detail, { me, state,
        renderList: () => list.render(), renderChat, renderComposer: () => composer.render() }));
    gateway.addEventListener('pins', (event) => {
        state.pins.set(event.detail.conversation, event.detail.pins);
        if (state.open === event.detail.conversation) renderChat();
    });
    // A poll's standing changed (someone voted): the same message, its counts anew; one's own choice stays.
    gateway.addEventListener('poll.updated', (event) => {
        const { conversation, seq, votes, voters } = event.detail;
        const held = state.messages.get(conversation, seq);
        if (held?.poll) store({ ...held, poll: { ...held.poll, votes, voters } });
        if (state.open === conversation) renderChat();
    });
    gateway.addEventListener('message.hidden', (event) => {
        const { conversation, seq } = event.detail;
        const held = state.messages.get(conversation, seq);
        if (held) store({ ...held, hidden: true, body: null, media: null });
        if (state.open === conversation) renderChat();
    });
    document.addEventListener('visibilitychange', () => { if (!document.hidden && state.open) markRead(); });

    function received(message) {
        state.touched.add(message.conversation);
        const conversation = state.conversations.get(message.conversation);
        if (!conversation) {
            // A conversation this page has not listed yet (a new group, a first message): fetch
            // that one, not the whole list.
            api('GET', `/conversations/${message.conversation}`).then((fetched) => {
                // Two of these may race: the one that knows more messages wins.
                const known = state.conversations.get(fetched.id);
                if (!known || known.lastSeq < fetched.lastSeq) state.conversations.set(fetched.id, fetched);
                state.touched.add(fetched.id);
                list.render();
            }).catch(() => {});
            return;
        }
        const fresh = message.seq > conversation.lastSeq;
        if (state.messages.has(message.conversation)) {
            // A drop can lose a push: a message beyond a hole makes the page fetch the hole.
            if (store(message)) catchUp(message.conversation).catch(() => {});
        } else if (message.clientMessageId) {
            state.pending.delete(message.clientMessageId);
        }
        const mine = message.sender === me.id;
        const looking = state.open === message.conversation && isChatVisible() && !document.hidden;
        if (!mine && !looking && message.mentions?.includes(me.id)) conversation.mentionsMe = true;
        if (mine) conversation.readSeq = Math.max(conversation.readSeq, message.seq);
        advance(conversation, message);
        if (!mine && state.typing.has(message.conversation)) {
            // The message that was being typed has arrived: "Typing…" ends with it.
            clearTimeout(state.typing.get(message.conversation));
            state.typing.delete(message.conversation);
        }
        list.render();
        if (state.open === message.conversation) {
            renderChat();
            if (isChatVisible() && !document.hidden) markRead();
        }
        if (fresh && !mine) notify(conversation, message);
    }


    // Opening a chat ---------------------------------------------------------------------
    /** The conversation with a person or of a group (made on first use); returns its id. */
    async function conversationWith({ userId, groupId }) {
        const conversation = await api('POST', '/conversations', userId ? { userId } : { groupId });
        const known = state.conversations.get(conversation.id);
        if (!known || known.lastSeq <= conversation.lastSeq) state.conversations.set(conversation.id, conversation);
        list.render();
        return conversation.id;
    }

    let opening = 0; // the latest open or close: an older one that finishes late changes nothing
    async function open(id) {
        const mine = ++opening;
        if (!state.conversations.has(id)) {
            // Opened by address before the list arrived: ask for that one conversation. Until it
            // is here no chat is open, so nothing arriving meanwhile is marked read.
            state.open = null;
            const fetched = await api('GET', `/conversations/${id}`);
            if (mine !== opening) return;
            state.conversations.set(fetched.id, fetched);
        }
        if (state.open !== id) {
            const unread = state.conversations.get(id);
            state.divider = unread?.unread ? { conversation: id, after: unread.readSeq } : null;
        }
        state.open = id;
        composer.show(id);
        const conversation = state.conversations.get(id);
        if (conversation?.kind === 'group' && !state.members.has(id)) sync.loadMembers(conversation);
        if (!state.pins.has(id)) sync.loadPins(id);
        // A group's call may have started before this page was told of it.
        if (conversation?.kind === 'group') calls?.refresh(id);
        renderChat(true);
        list.render();
        // On a touch screen the keyboard would cover half the chat: the composer waits for a tap.
        if (!window.matchMedia('(pointer: coarse)').matches) composer.focus();
        try {
            if (!state.messages.has(id)) await loadOlder(id);
            else await catchUp(id);
        } catch {
            // Offline: the chat shows what is held; the next welcome catches up (sync.catchUp).
        }
        if (mine !== opening || state.open !== id) return;
        renderChat(!highlight);
        if (highlight?.conversation === id) panel.highlight(highlight.seq);
        highlight = null;
        markRead();
    }

    let highlight = null; // { conversation, seq } to show once the chat opens
    async function jumpTo(id, seq) {
        await sync.loadAround(id, seq);
        highlight = { conversation: id, seq };
        if (state.open === id) await open(id);
        else navigate(id);
    }

    function renderChat(toBottom = false) {
        const conversation = state.conversations.get(state.open);
        if (!conversation) return;
        openChat(names.title(conversation), panel.node, conversation.peer
            ? `@${conversation.peer.username}${conversation.peer.bot ? ` · ${t('bot.badge')}` : ''}`
            : t('groups.numberAndCount', { number: conversation.group.number, count: state.groupInfo.get(state.open)?.memberCount ?? '…' }),
        conversation, calls ? [calls.headerButtons(conversation), panel.headerActions] : panel.headerActions);
        panel.render(toBottom);
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
        if (!conversation.unread) conversation.mentionsMe = false;
        list.render();
    }

    async function preference(name) {
        const conversation = state.conversations.get(state.open);
        if (!conversation) return;
        const updated = await api('PUT', `/conversations/${conversation.id}/settings`, { [name]: !conversation[name] });
        state.conversations.set(updated.id, updated);
        list.render();
        renderChat();
    }

    /** Names the first readers (one page, by account id) and counts the rest: a group may have thousands. */
    async function showReaders(conversationId, seq) {
        const page = await api('GET', `/conversations/${conversationId}/messages/${seq}/readers?limit=20`);
        if (page.count === 0) {
            panel.say(t('chats.readByNobody'));
            return;
        }
        if (page.readers.length === 0) {
            panel.say(t('chats.readByCount', { count: page.count }));
            return;
        }
        const named = page.readers.map((r) => names.memberName(conversationId, r.id, r.displayName)).join(', ');
        const more = page.count - page.readers.length;
        panel.say(`${t('chats.readBy')} ${named}${more > 0 ? ` ${t('chats.readByMore', { count: more })}` : ''}`);
    }

    /** Votes in a poll (null: takes the vote back); the answer says which option is now one's own. */
    async function vote(conversation, seq, option) {
        const reply = await request({ type: 'poll.vote', conversation, seq, option });
        const held = state.messages.get(conversation, seq);
        if (reply?.type === 'poll.voted' && held) {
            store({ ...held, poll: reply.poll });
            if (state.open === conversation) renderChat();
        }
    }

    async function request(frame) {
        try {
            const reply = await gateway.request(frame);
            if (reply.type === 'error') panel.say(has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message);
            return reply;
        } catch {
            panel.say(t('error.network'));
            return null;
        }
    }


    list.render();
    return {
        render: () => { list.redrawAll(); view.forget(); if (state.open) renderChat(); },
        open: (id) => open(id),
        conversationWith,
        titleOf: (c) => names.title(c),
        /** A conversation's title by id ('' while it is not loaded). */
        titleOfId: (id) => (state.conversations.has(id) ? names.title(state.conversations.get(id)) : ''),
        /** How a person is called in a conversation (one's remark, the group nickname, the name). */
        nameOf: (conversationId, userId) => names.memberName(conversationId, userId),
        /** Draws the open chat's header again (its call buttons changed). */
        renderHeader: () => { if (state.open) renderChat(); },
        close: () => { opening++; state.open = null; composer.show(null); list.render(); },
        closePopup: () => panel.closeMenu() || composer.closeInnermost() || panel.endSelection(),
        /** Signing out: nothing more is written to this browser's storage for this person. */
        dispose: () => composer.dispose(),
        openId: () => state.open,
        neighbour: (step) => {
            const ids = list.sorted().map((c) => c.id);
            const at = ids.indexOf(state.open);
            return ids[at < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, at + step))] ?? null;
        },
        conversations: () => list.sorted(),
    };
}

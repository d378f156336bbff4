// Keeping the page's conversations and messages in step with the server: the conversation list
// page by page over `sync`, history pages older (scrolling up) and newer (catching up after a
// reconnect or a hole), the page around one message (a search hit), and the open chat's
// members and pins.
import { api, apiPage } from '../api.js';
import { advance } from './store.js';
import { holdMembers, MEMBERS_HELD } from './members.js';

const PAGE = 30;
const CATCH_UP_PAGE = 50;
const MEMBER_PAGE = 200;   // members held when a group chat opens; the rest are found by search

export function createSync({ gateway, me, state, renderList, renderChat }) {
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
        // Whatever arrived while away: page forward from where the held messages stop being contiguous.
        for (const id of state.messages.conversations()) {
            try {
                await catchUp(id);
            } catch {
                // Offline again; the next welcome tries again.
            }
        }
    }

    async function catchUp(id) {
        if (!state.messages.has(id) || !state.conversations.has(id)) return;
        if (state.messages.oldest(id) === undefined) {
            // Opened while offline, nothing held yet: the newest page, not everything from the start.
            await loadOlder(id);
            if (state.open === id) renderChat();
            return;
        }
        let after = state.messages.contiguousTop(id);
        let more = true;
        while (more) {
            const page = await gateway.request({ type: 'history', conversation: id, after, limit: CATCH_UP_PAGE });
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

    /** Replaces what is held of a conversation with the page around message {@code seq}. */
    async function loadAround(id, seq) {
        state.messages.reset(id);
        const page = await gateway.request({ type: 'history', conversation: id, before: seq + 15, limit: PAGE });
        if (page.type === 'history') {
            page.messages.forEach(store);
            if (!page.hasMore) state.messages.markComplete(id);
        }
    }

    /** The open chat's pinned messages (then kept current by `pins` frames). */
    function loadPins(id) {
        api('GET', `/conversations/${id}/pins`).then((pins) => {
            state.pins.set(id, pins);
            if (state.open === id) renderChat();
        }).catch(() => {});
    }

    /**
     * What the open group chat needs of its members (names, mentions, bots for slash commands, the
     * header): the group's count and one's role, the first page of members and the group's bots.
     * A larger group's other members are found by search when someone is @mentioned. Once at a time.
     */
    const loadingMembers = new Set();
    function loadMembers(conversation) {
        if (loadingMembers.has(conversation.id)) return;
        loadingMembers.add(conversation.id);
        const group = `/groups/${conversation.group.id}`;
        Promise.all([api('GET', group), apiPage(`${group}/members?limit=${MEMBER_PAGE}`),
            api('GET', `${group}/members?bots=true&limit=${MEMBER_PAGE}`)]).then(([about, first, bots]) => {
            state.groupInfo.set(conversation.id, { memberCount: about.memberCount, myRole: about.myRole, complete: !first.next });
            const held = [];
            holdMembers(held, [...first.items, ...bots], MEMBERS_HELD);
            state.members.set(conversation.id, held);
            if (state.open === conversation.id) renderChat();
        }).catch(() => {}).finally(() => loadingMembers.delete(conversation.id));
    }

    /**
     * Members of a group chat whose names contain `text`, asked of the server when the page does
     * not hold them all (null when it does); they are held too, while there is room, so that
     * names resolve. Rejects when the server cannot answer.
     */
    async function searchMembers(conversationId, text) {
        const conversation = state.conversations.get(conversationId);
        const info = state.groupInfo.get(conversationId);
        if (!conversation?.group || !info || info.complete || !text) return null;
        const found = await api('GET', `/groups/${conversation.group.id}/members?limit=20&q=${encodeURIComponent(text)}`);
        const held = state.members.get(conversationId);
        if (held) holdMembers(held, found, MEMBERS_HELD);
        return found;
    }

    /** Keeps a message; returns whether it landed beyond a hole (see MessageStore.put). */
    function store(message) {
        const gap = state.messages.put(message);
        if (message.clientMessageId && message.sender === me.id) state.pending.delete(message.clientMessageId);
        const conversation = state.conversations.get(message.conversation);
        if (conversation) advance(conversation, message);
        return gap;
    }

    return { loadConversations, catchUp, loadOlder, loadAround, loadPins, loadMembers, searchMembers, store };
}

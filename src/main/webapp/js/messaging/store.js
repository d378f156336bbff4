// The messages a page holds, per conversation, keyed by sequence number: merged whatever order
// they arrive in (live pushes, history pages forward and back, a resume after a drop), never
// shown twice, with the holes that must be fetched. Pure: no DOM, no network — the Node tests in
// src/test/js/ exercise it directly.

export class MessageStore {
    #held = new Map();      // conversation id → Map(seq → message)
    #complete = new Set();  // conversations whose oldest message is held

    /** Whether anything of the conversation is held (it has been opened). */
    has(conversationId) {
        return this.#held.has(conversationId);
    }

    /** The conversation's held messages, oldest first. */
    sorted(conversationId) {
        return [...(this.#held.get(conversationId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
    }

    get(conversationId, seq) {
        return this.#held.get(conversationId)?.get(seq);
    }

    /** Starts holding a conversation (empty), so that pushes for it are kept from now on. */
    open(conversationId) {
        if (!this.#held.has(conversationId)) this.#held.set(conversationId, new Map());
    }

    /** Forgets what is held of a conversation (to jump elsewhere in its history). */
    reset(conversationId) {
        this.#held.set(conversationId, new Map());
        this.#complete.delete(conversationId);
    }

    /**
     * Keeps a message (a newer copy of the same seq replaces the older: an edit, a recall).
     * Returns whether it lands beyond a hole, i.e. something before it must be fetched.
     */
    put(message) {
        const held = this.#held.get(message.conversation) ?? new Map();
        this.#held.set(message.conversation, held);
        const gap = held.size > 0 && message.seq > this.contiguousTop(message.conversation) + 1;
        held.set(message.seq, message);
        return gap;
    }

    /**
     * The highest seq up to which the held messages have no hole, counted from the oldest held
     * (0 when nothing is held). Resumes start after it; reads are marked only up to it.
     */
    contiguousTop(conversationId) {
        const seqs = [...(this.#held.get(conversationId)?.keys() ?? [])].sort((a, b) => a - b);
        let top = seqs.length ? seqs[0] - 1 : 0;
        for (const seq of seqs) {
            if (seq !== top + 1) break;
            top = seq;
        }
        return top;
    }

    /** The oldest held seq, or undefined: where scrolling back continues. */
    oldest(conversationId) {
        const held = this.#held.get(conversationId);
        return held?.size ? Math.min(...held.keys()) : undefined;
    }

    /** Everything up to the first message is held (no more history to page back through). */
    markComplete(conversationId) {
        this.#complete.add(conversationId);
    }

    isComplete(conversationId) {
        return this.#complete.has(conversationId);
    }

    /** Conversations held, for catching up after a reconnect. */
    conversations() {
        return [...this.#held.keys()];
    }
}

/**
 * Moves a conversation's summary (last message, its seq and time, unread count) forward to a
 * message, never back: an older message arriving late changes nothing.
 */
export function advance(conversation, message) {
    if (message.seq >= conversation.lastSeq) {
        conversation.lastSeq = message.seq;
        conversation.lastMessage = message;
        conversation.lastMessageAt = message.createdAt;
    }
    conversation.unread = Math.max(0, conversation.lastSeq - conversation.readSeq);
}

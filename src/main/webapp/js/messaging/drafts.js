// Unsent text, per conversation, kept across switching chats and reloading the page (QQ shows
// such a chat as "[Draft] …" in the list). Stored in the browser only, per account, bounded: the
// most recently touched drafts are kept, each cut at the longest message the server accepts by
// default (at most ~1 MB of the browser's ~5 MB of storage).

export const MAX_DRAFTS = 100;
export const MAX_DRAFT_LENGTH = 5000;

export class Drafts {
    #storage;
    #key;
    #drafts;

    /** {@code storage}: anything with getItem/setItem (localStorage in the page, a Map-like in tests). */
    constructor(storage, key) {
        this.#storage = storage;
        this.#key = key;
        this.#drafts = new Map(read(storage, key));
    }

    get(conversationId) {
        return this.#drafts.get(String(conversationId)) ?? '';
    }

    has(conversationId) {
        return this.#drafts.has(String(conversationId));
    }

    /** Keeps {@code text} for the conversation; blank text removes the draft. Returns whether anything changed. */
    set(conversationId, text) {
        const id = String(conversationId);
        const value = String(text ?? '').slice(0, MAX_DRAFT_LENGTH);
        const before = this.#drafts.get(id) ?? '';
        if (value === before) return false;
        this.#drafts.delete(id); // re-inserted last: the map's order is the order of use
        if (value.trim()) this.#drafts.set(id, value);
        while (this.#drafts.size > MAX_DRAFTS) this.#drafts.delete(this.#drafts.keys().next().value);
        try {
            this.#storage.setItem(this.#key, JSON.stringify([...this.#drafts]));
        } catch {
            // Storage full or disabled: the draft still lives for this page.
        }
        return true;
    }
}

function read(storage, key) {
    try {
        const parsed = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed)
            ? parsed.filter((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[1] === 'string')
                .map(([id, text]) => [String(id), text.slice(0, MAX_DRAFT_LENGTH)]).slice(-MAX_DRAFTS)
            : [];
    } catch {
        return [];
    }
}

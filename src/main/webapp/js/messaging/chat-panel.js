// The open chat: its toolbar (find in chat, pin, mute), the message log (drawn incrementally,
// older pages loaded as one scrolls up, arrow keys move between messages, each message's menu),
// the typing line and the composer.
import { el, reconcile, replace } from '../dom.js';
import { t } from '../i18n.js';
import { createMessageMenu } from './message-menu.js';

const MAX_SELECTED = 100;
const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏', '🎉', '👌'];
const EDIT_WINDOW_MS = 15 * 60 * 1000;   // the server's defaults; it refuses when the window has passed
const RECALL_WINDOW_MS = 2 * 60 * 1000;

export function createChatPanel({ me, state, names, view, composer, outbox, loadOlder, request, onPreference,
    onFind, onShowReaders, infoRoute, onForward, onJump }) {
    // Find in this chat: a bar that opens from the chat menu (not a permanent strip on a phone).
    const findInput = el('input', { type: 'search', id: 'find-in-chat', maxlength: 100 });
    const findClose = el('button', { type: 'button', class: 'link', onclick: () => closeFind() });
    const toolbar = el('form', { class: 'chat-toolbar', role: 'search', hidden: true, onsubmit: (event) => {
        event.preventDefault();
        if (findInput.value.trim()) onFind(findInput.value.trim());
    } }, findInput, findClose);
    findInput.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            closeFind();
        }
    });
    // The chat menu in the header: find, pin, mute, info.
    const chatMenuButton = el('button', { type: 'button', class: 'chat-menu-button', id: 'chat-menu', 'aria-haspopup': 'menu',
        onclick: () => menu.open(chatMenuButton, chatMenuItems()) }, '⋯');
    const scroller = el('div', { class: 'chat-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    const typingLine = el('p', { class: 'typing', 'aria-live': 'polite' });
    const jump = el('button', { type: 'button', class: 'jump-bottom', id: 'jump-bottom', hidden: true,
        onclick: () => { scroller.scrollTop = scroller.scrollHeight; } });
    // The chat's pinned messages: the newest shown above the log; a click goes to it.
    const pinsBar = el('div', { class: 'pins-bar', hidden: true });
    // Selecting several messages (from a message's menu): a bar takes the composer's place.
    const selectionCount = el('span', { class: 'selection-count', role: 'status' });
    const selectionBar = el('div', { class: 'selection-bar', hidden: true }, selectionCount,
        el('button', { type: 'button', class: 'secondary', id: 'selection-forward', onclick: () => {
            if (!state.selection?.seqs.size) return;
            const { conversation, seqs } = state.selection;
            onForward(conversation, [...seqs].sort((a, b) => a - b), () => endSelection());
        } }),
        el('button', { type: 'button', class: 'secondary', id: 'selection-hide', onclick: async (event) => {
            const button = event.currentTarget;
            if (!button.dataset.armed) {
                // Twice, as for one message: what is deleted for me does not come back.
                button.dataset.armed = 'true';
                button.textContent = t('chats.confirmDeleteForMe');
                return;
            }
            delete button.dataset.armed;
            const { conversation, seqs } = state.selection ?? { seqs: new Set() };
            for (const seq of [...seqs].sort((a, b) => a - b)) await request({ type: 'hide', conversation, seq });
            endSelection();
        } }),
        el('button', { type: 'button', class: 'link', id: 'selection-cancel', onclick: () => endSelection() }));
    const node = el('div', { class: 'chat' }, toolbar, pinsBar, typingLine, el('div', { class: 'log-wrap' }, scroller, jump),
        composer.node, selectionBar);
    scroller.addEventListener('click', (event) => {
        if (!state.selection) return;
        const message = event.target.closest('.message[data-seq]');
        if (!message || event.target.closest('a, audio, .menu-button')) return;
        toggleSelected(Number(message.dataset.seq));
    });
    let bottomSeq = 0; // the newest message shown while the log was scrolled to the bottom
    const menu = createMessageMenu();
    let shown = null; // the conversation the log shows

    node.addEventListener('dragover', (event) => { event.preventDefault(); node.classList.add('dropping'); });
    node.addEventListener('dragleave', () => node.classList.remove('dropping'));
    node.addEventListener('drop', (event) => {
        event.preventDefault();
        node.classList.remove('dropping');
        const files = [...(event.dataTransfer?.files ?? [])];
        if (state.open) files.forEach((file) => outbox.upload(state.open, file));
    });

    menu.attach(scroller, (message) => itemsFor(Number(message.dataset.seq)));
    composer.setQuote((seq) => view.quote(state.open, seq));

    // The log is one tab stop; arrow keys move between messages inside it (roving focus).
    scroller.addEventListener('keydown', (event) => {
        if (event.key === ' ' && state.selection && event.target.matches('.message[data-seq]')) {
            event.preventDefault();
            toggleSelected(Number(event.target.dataset.seq));
            event.target.focus();
            return;
        }
        if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
        const messages = [...scroller.querySelectorAll('.message[data-seq]')];
        if (!messages.length) return;
        event.preventDefault();
        const at = messages.indexOf(document.activeElement);
        const next = event.key === 'Home' ? 0 : event.key === 'End' || at < 0 ? messages.length - 1
            : Math.max(0, Math.min(messages.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
        messages[next].focus();
    });

    scroller.addEventListener('scroll', () => renderJump());
    scroller.addEventListener('scroll', async () => {
        if (scroller.scrollTop > 40 || state.messages.isComplete(state.open) || scroller.dataset.loading) return;
        scroller.dataset.loading = 'true';
        const id = state.open;
        const height = scroller.scrollHeight;
        try {
            if (await loadOlder(id) && state.open === id) {
                render();
                scroller.scrollTop = scroller.scrollHeight - height;
            }
        } finally {
            delete scroller.dataset.loading;
        }
    });

    function itemsFor(seq) {
        const conversation = state.conversations.get(state.open);
        const m = state.messages.get(state.open, seq);
        if (!conversation || !m || m.recalled || m.hidden || m.kind === 'system') return [];
        const mine = m.sender === me.id;
        const age = Date.now() - new Date(m.createdAt).getTime();
        const manager = conversation.kind === 'group' && ['owner', 'admin'].includes(names.myRole(conversation.id));
        const items = [{ id: 'reply', label: t('chats.reply'), run: () => composer.reply(seq) }];
        if (m.body && m.kind === 'text') {
            items.push({ id: 'copy', label: t('chats.copy'), run: () => navigator.clipboard?.writeText(m.body).catch(() => {}) });
        }
        if (mine && m.kind === 'text' && !m.forwarded && age < EDIT_WINDOW_MS) {
            items.push({ id: 'edit', label: t('chats.edit'), run: () => composer.edit(m) });
        }
        if (mine && conversation.kind === 'group' && m.readCount) {
            items.push({ id: 'readers', label: t('chats.whoRead'), run: () => onShowReaders(conversation.id, seq) });
        }
        items.push({ id: 'react', label: t('chats.react'), run: () => menu.open(messageNodeAt(seq), reactionItems(conversation.id, m)) });
        items.push({ id: 'forward', label: t('chats.forward'), run: () => onForward(conversation.id, [seq]) });
        items.push({ id: 'select', label: t(state.selection?.seqs.has(seq) ? 'chats.unselect' : 'chats.select'), run: () => {
            if (state.selection?.conversation !== conversation.id) state.selection = { conversation: conversation.id, seqs: new Set() };
            toggleSelected(seq);
        } });
        if (conversation.kind === 'direct' || manager) {
            const pinned = (state.pins.get(conversation.id) ?? []).some((p) => p.message.seq === seq);
            items.push({ id: 'pin', label: t(pinned ? 'chats.unpinMessage' : 'chats.pinMessage'),
                run: () => request({ type: 'pin', conversation: conversation.id, seq, on: !pinned }) });
        }
        items.push({ id: 'hide', label: t('chats.deleteForMe'), confirm: t('chats.confirmDeleteForMe'), danger: true,
            run: () => request({ type: 'hide', conversation: conversation.id, seq }) });
        if ((mine && age < RECALL_WINDOW_MS) || manager) {
            items.push({ id: 'recall', label: t('chats.recall'), confirm: t('chats.confirmRecall'), danger: true,
                run: () => request({ type: 'recall', conversation: conversation.id, seq }) });
        }
        return items;
    }

    /** Redraws the open chat: only messages whose look changed are rebuilt. */
    function render(toBottom = false) {
        const conversation = state.conversations.get(state.open);
        if (!conversation) return;
        const switched = shown !== conversation.id;
        shown = conversation.id;
        if (switched) bottomSeq = Number.MAX_SAFE_INTEGER;
        const atBottom = toBottom || switched || isAtBottom();
        reconcile(scroller, view.logNodes(conversation));
        const divider = switched ? scroller.querySelector('.new-divider') : null;
        if (divider) divider.scrollIntoView({ block: 'start' });
        else if (atBottom) scroller.scrollTop = scroller.scrollHeight;
        countUnseen();
        renderJump();
        renderTyping();
        if (switched) {
            toolbar.hidden = true;
            if (state.selection && state.selection.conversation !== conversation.id) state.selection = null;
        }
        renderSelection();
        renderToolbar();
        renderPins(conversation);
        composer.render();
    }

    function isAtBottom() {
        return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
    }

    /**
     * The jump-to-bottom button, with how many messages from others came in while scrolled up.
     * Counted when the log is drawn; a scroll only compares positions.
     */
    let newestSeq = 0;
    let unseen = 0;
    function countUnseen() {
        const held = state.messages.sorted(state.open);
        newestSeq = held.length ? held[held.length - 1].seq : 0;
        unseen = isAtBottom() ? 0 : held.filter((m) => m.seq > bottomSeq && m.sender !== me.id).length;
    }

    function renderJump() {
        if (isAtBottom()) {
            bottomSeq = newestSeq;
            unseen = 0;
            jump.hidden = true;
            return;
        }
        jump.hidden = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 300 && !unseen;
        jump.textContent = unseen ? `↓ ${unseen}` : '↓';
        jump.setAttribute('aria-label', unseen ? t('chats.jumpToNew', { count: unseen }) : t('chats.jumpToBottom'));
    }

    function renderToolbar() {
        findInput.setAttribute('aria-label', t('chats.findInChat'));
        findInput.placeholder = t('chats.findInChat');
        toolbar.setAttribute('aria-label', t('chats.findInChat'));
        findClose.textContent = t('chats.close');
        chatMenuButton.setAttribute('aria-label', t('chats.chatMenu'));
    }

    function chatMenuItems() {
        const conversation = state.conversations.get(state.open);
        if (!conversation) return [];
        return [
            { id: 'find', label: t('chats.findInChat'), run: () => { toolbar.hidden = false; findInput.focus(); } },
            { id: 'pin', label: t(conversation.pinned ? 'chats.unpin' : 'chats.pin'), run: () => onPreference('pinned') },
            { id: 'mute', label: t(conversation.muted ? 'chats.unmute' : 'chats.mute'), run: () => onPreference('muted') },
            { id: 'info', label: t(conversation.kind === 'group' ? 'chats.groupInfo' : 'chats.personInfo'),
                run: () => { location.hash = infoRoute(conversation); } },
        ];
    }

    function closeFind() {
        toolbar.hidden = true;
        findInput.value = '';
        composer.focus();
    }

    /** The quick reactions, each one a toggle: one's own is marked and takes it back (keyboard-only too). */
    function reactionItems(conversationId, m) {
        const mine = new Set((m.reactions ?? []).filter((r) => r.users.includes(me.id)).map((r) => r.emoji));
        return [...new Set([...QUICK_REACTIONS, ...mine])].map((emoji) => ({
            id: `react-${emoji}`, label: mine.has(emoji) ? `✓ ${emoji}` : emoji,
            run: () => request({ type: 'react', conversation: conversationId, seq: m.seq, emoji, on: !mine.has(emoji) }),
        }));
    }

    function toggleSelected(seq) {
        const m = state.messages.get(state.open, seq);
        if (!state.selection || !m || m.recalled || m.kind === 'system') return;
        if (state.selection.seqs.has(seq)) state.selection.seqs.delete(seq);
        else if (state.selection.seqs.size < MAX_SELECTED) state.selection.seqs.add(seq);
        render();
    }

    function endSelection() {
        state.selection = null;
        render();
        composer.focus();
    }

    function renderSelection() {
        const selecting = Boolean(state.selection);
        selectionBar.hidden = !selecting;
        composer.node.hidden = selecting;
        scroller.classList.toggle('selecting', selecting);
        if (!selecting) return;
        const count = state.selection.seqs.size;
        selectionCount.textContent = t('chats.selected', { count });
        selectionBar.querySelector('#selection-forward').textContent = t('chats.forward');
        const hide = selectionBar.querySelector('#selection-hide');
        if (!hide.dataset.armed) hide.textContent = t('chats.deleteForMe');
        selectionBar.querySelector('#selection-cancel').textContent = t('chats.cancel');
        selectionBar.querySelectorAll('button.secondary').forEach((button) => { button.disabled = count === 0; });
    }

    function messageNodeAt(seq) {
        return scroller.querySelector(`.message[data-seq="${seq}"]`) ?? scroller;
    }

    function renderPins(conversation) {
        const pins = state.pins.get(conversation.id) ?? [];
        pinsBar.hidden = pins.length === 0;
        if (!pins.length) {
            delete pinsBar.dataset.look;
            return;
        }
        const newest = pins[0];
        const m = newest.message;
        const text = names.summary(conversation.id, m);
        const manager = conversation.kind === 'direct' || ['owner', 'admin'].includes(names.myRole(conversation.id));
        // Rebuilt only when what it shows changed (a focused ✕ keeps its focus through other frames).
        const look = JSON.stringify([pins.length, m.seq, text, manager, t('chats.pinnedMessage')]);
        if (pinsBar.dataset.look === look) return;
        pinsBar.dataset.look = look;
        replace(pinsBar,
            el('button', { type: 'button', class: 'pin-open', id: 'pin-open', onclick: () => onJump(conversation.id, m.seq) },
                el('span', { class: 'pin-label' }, pins.length > 1 ? t('chats.pinnedCount', { count: pins.length }) : t('chats.pinnedMessage')),
                el('span', { class: 'pin-text' }, `${names.memberName(conversation.id, m.sender, m.senderName)}: ${text}`)),
            manager ? el('button', { type: 'button', class: 'link pin-remove', 'aria-label': t('chats.unpinMessage'),
                onclick: () => request({ type: 'pin', conversation: conversation.id, seq: m.seq, on: false }) }, '✕') : null);
    }

    function renderTyping() {
        typingLine.textContent = state.open && state.typing.has(state.open) ? t('chats.typing') : '';
    }

    /** The last message the person may still edit in the open chat (for ↑ in an empty composer). */
    function lastEditable() {
        const held = state.messages.sorted(state.open);
        for (let i = held.length - 1; i >= 0; i--) {
            const m = held[i];
            if (m.sender === me.id && m.kind === 'text' && !m.recalled && !m.hidden && !m.forwarded) {
                return Date.now() - new Date(m.createdAt).getTime() < EDIT_WINDOW_MS ? m : null;
            }
        }
        return null;
    }

    return {
        node,
        headerActions: chatMenuButton,
        render,
        renderTyping,
        lastEditable,
        say: (text) => { typingLine.textContent = text; },
        highlight(seq) {
            const target = scroller.querySelector(`.message[data-seq="${seq}"]`);
            if (!target) return;
            target.classList.add('highlight');
            target.scrollIntoView({ block: 'center' });
        },
        closeMenu: () => menu.close(),
        /** Leaves selection mode; returns whether it was on (Esc). */
        endSelection: () => {
            if (!state.selection) return false;
            endSelection();
            return true;
        },
        isMenuOpen: () => menu.isOpen(),
    };
}

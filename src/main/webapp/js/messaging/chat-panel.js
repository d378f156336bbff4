// The open chat: its toolbar (find in chat, pin, mute), the message log (drawn incrementally,
// older pages loaded as one scrolls up, arrow keys move between messages, each message's menu),
// the typing line and the composer.
import { el, reconcile } from '../dom.js';
import { t } from '../i18n.js';
import { createMessageMenu } from './message-menu.js';
import { createEmojiPicker } from './emoji-picker.js';
import { createPinsBar } from './pins-bar.js';
import { createSelection } from './selection.js';
import { openReportDialog } from '../reports/report-dialog.js';

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
    const pins = createPinsBar({ state, names, request, onJump });
    // Selecting several messages (from a message's menu): a bar takes the composer's place.
    const selection = createSelection({ state, scroller, composer, request, onForward, redraw: () => render() });
    const node = el('div', { class: 'chat' }, toolbar, pins.node, typingLine, el('div', { class: 'log-wrap' }, scroller, jump),
        composer.node, selection.node);
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
            selection.choose(conversation.id, seq);
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
        if (!mine) {
            items.push({ id: 'report', label: t('chats.report'), danger: true,
                run: () => openReportDialog({ subject: { conversation: conversation.id, seq } }) });
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
            selection.leaveIfElsewhere(conversation.id);
        }
        selection.render();
        renderToolbar();
        pins.render(conversation);
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
            ...(conversation.peer ? [{ id: 'report-person', label: t('chats.reportPerson'), danger: true,
                run: () => openReportDialog({ subject: { person: conversation.peer.id },
                    name: names.title(conversation) }) }] : []),
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
        return [...[...new Set([...QUICK_REACTIONS, ...mine])].map((emoji) => ({
            id: `react-${emoji}`, label: mine.has(emoji) ? `✓ ${emoji}` : emoji,
            run: () => request({ type: 'react', conversation: conversationId, seq: m.seq, emoji, on: !mine.has(emoji) }),
        })), { id: 'react-more', label: t('chats.moreReactions'), run: () => openReactionPicker(conversationId, m.seq) }];
    }

    /** Any emoji as a reaction: the composer's picker, in a dialog of its own. */
    function openReactionPicker(conversationId, seq) {
        const dialog = el('dialog', { class: 'dialog reaction-dialog', 'aria-label': t('chats.react') });
        const picker = createEmojiPicker({ owner: me.id, onPick: (emoji) => {
            dialog.close();
            request({ type: 'react', conversation: conversationId, seq, emoji });
        } });
        dialog.append(picker.node);
        document.body.append(dialog);
        dialog.addEventListener('close', () => dialog.remove());
        dialog.showModal();
        picker.open();
    }

    function messageNodeAt(seq) {
        return scroller.querySelector(`.message[data-seq="${seq}"]`) ?? scroller;
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
        endSelection: () => selection.end(),
        isMenuOpen: () => menu.isOpen(),
    };
}

// The open chat: its toolbar (find in chat, pin, mute), the message log (drawn incrementally,
// older pages loaded as one scrolls up, arrow keys move between messages, each message's menu),
// the typing line and the composer.
import { el, reconcile } from '../dom.js';
import { t } from '../i18n.js';
import { createMessageMenu } from './message-menu.js';

const EDIT_WINDOW_MS = 15 * 60 * 1000;   // the server's defaults; it refuses when the window has passed
const RECALL_WINDOW_MS = 2 * 60 * 1000;

export function createChatPanel({ me, state, names, view, composer, outbox, loadOlder, request, onPreference,
    onFind, onShowReaders }) {
    const pinButton = el('button', { type: 'button', class: 'small', id: 'toggle-pin', onclick: () => onPreference('pinned') });
    const muteButton = el('button', { type: 'button', class: 'small', id: 'toggle-mute', onclick: () => onPreference('muted') });
    const findInput = el('input', { type: 'search', id: 'find-in-chat', maxlength: 100 });
    const toolbar = el('form', { class: 'chat-toolbar', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        if (findInput.value.trim()) onFind(findInput.value.trim());
    } }, findInput, pinButton, muteButton);
    const scroller = el('div', { class: 'chat-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    const typingLine = el('p', { class: 'typing', 'aria-live': 'polite' });
    const node = el('div', { class: 'chat' }, toolbar, typingLine, scroller, composer.node);
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
        if (!conversation || !m || m.recalled || m.kind === 'system') return [];
        const mine = m.sender === me.id;
        const age = Date.now() - new Date(m.createdAt).getTime();
        const manager = conversation.kind === 'group' && ['owner', 'admin'].includes(names.myRole(conversation.id));
        const items = [{ id: 'reply', label: t('chats.reply'), run: () => composer.reply(seq) }];
        if (m.body && m.kind === 'text') {
            items.push({ id: 'copy', label: t('chats.copy'), run: () => navigator.clipboard?.writeText(m.body).catch(() => {}) });
        }
        if (mine && m.kind === 'text' && age < EDIT_WINDOW_MS) {
            items.push({ id: 'edit', label: t('chats.edit'), run: () => composer.edit(m) });
        }
        if (mine && conversation.kind === 'group' && m.readCount) {
            items.push({ id: 'readers', label: t('chats.whoRead'), run: () => onShowReaders(conversation.id, seq) });
        }
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
        const atBottom = toBottom || switched || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
        reconcile(scroller, view.logNodes(conversation));
        if (atBottom) scroller.scrollTop = scroller.scrollHeight;
        renderTyping();
        renderToolbar(conversation);
        composer.render();
    }

    function renderToolbar(conversation) {
        findInput.setAttribute('aria-label', t('chats.findInChat'));
        findInput.placeholder = t('chats.findInChat');
        toolbar.setAttribute('aria-label', t('chats.findInChat'));
        pinButton.textContent = t(conversation.pinned ? 'chats.unpin' : 'chats.pin');
        muteButton.textContent = t(conversation.muted ? 'chats.unmute' : 'chats.mute');
    }

    function renderTyping() {
        typingLine.textContent = state.open && state.typing.has(state.open) ? t('chats.typing') : '';
    }

    /** The last message the person may still edit in the open chat (for ↑ in an empty composer). */
    function lastEditable() {
        const held = state.messages.sorted(state.open);
        for (let i = held.length - 1; i >= 0; i--) {
            const m = held[i];
            if (m.sender === me.id && m.kind === 'text' && !m.recalled) {
                return Date.now() - new Date(m.createdAt).getTime() < EDIT_WINDOW_MS ? m : null;
            }
        }
        return null;
    }

    return {
        node,
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
        isMenuOpen: () => menu.isOpen(),
    };
}

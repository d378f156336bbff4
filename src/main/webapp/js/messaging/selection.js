// Selecting several messages of the open chat (from a message's menu), to forward them together
// or delete them for oneself: a click — or Space on a focused message — picks one, a bar with the
// count and the actions takes the composer's place, Esc or Cancel leaves.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const MAX_SELECTED = 100;

export function createSelection({ state, scroller, composer, request, onForward, redraw }) {
    const count = el('span', { class: 'selection-count', role: 'status' });
    const forward = el('button', { type: 'button', class: 'secondary', id: 'selection-forward', onclick: () => {
        if (!state.selection?.seqs.size) return;
        const { conversation, seqs } = state.selection;
        onForward(conversation, sorted(seqs), () => end());
    } });
    const hide = el('button', { type: 'button', class: 'secondary', id: 'selection-hide', onclick: async () => {
        if (!hide.dataset.armed) {
            // Twice, as for one message: what is deleted for me does not come back.
            hide.dataset.armed = 'true';
            hide.textContent = t('chats.confirmDeleteForMe');
            return;
        }
        delete hide.dataset.armed;
        const { conversation, seqs } = state.selection ?? { seqs: new Set() };
        for (const seq of sorted(seqs)) await request({ type: 'hide', conversation, seq });
        end();
    } });
    const cancel = el('button', { type: 'button', class: 'link', id: 'selection-cancel', onclick: () => end() });
    const node = el('div', { class: 'selection-bar', hidden: true }, count, forward, hide, cancel);

    scroller.addEventListener('click', (event) => {
        if (!state.selection) return;
        const message = event.target.closest('.message[data-seq]');
        if (!message || event.target.closest('a, audio, .menu-button')) return;
        toggle(Number(message.dataset.seq));
    });
    scroller.addEventListener('keydown', (event) => {
        if (event.key !== ' ' || !state.selection || !event.target.matches('.message[data-seq]')) return;
        event.preventDefault();
        const seq = Number(event.target.dataset.seq);
        toggle(seq);
        scroller.querySelector(`.message[data-seq="${seq}"]`)?.focus();
    });

    function sorted(seqs) {
        return [...seqs].sort((a, b) => a - b);
    }

    /** Starts selecting in this chat (if not yet) and picks or unpicks a message. */
    function choose(conversationId, seq) {
        if (state.selection?.conversation !== conversationId) state.selection = { conversation: conversationId, seqs: new Set() };
        toggle(seq);
    }

    function toggle(seq) {
        const m = state.messages.get(state.open, seq);
        if (!state.selection || !m || m.recalled || m.hidden || m.kind === 'system') return;
        if (state.selection.seqs.has(seq)) state.selection.seqs.delete(seq);
        else if (state.selection.seqs.size < MAX_SELECTED) state.selection.seqs.add(seq);
        redraw();
    }

    /** Leaves selection mode; returns whether it was on. */
    function end() {
        if (!state.selection) return false;
        state.selection = null;
        redraw();
        composer.focus();
        return true;
    }

    function leaveIfElsewhere(conversationId) {
        if (state.selection && state.selection.conversation !== conversationId) state.selection = null;
    }

    function render() {
        const selecting = Boolean(state.selection);
        node.hidden = !selecting;
        composer.node.hidden = selecting;
        scroller.classList.toggle('selecting', selecting);
        if (!selecting) return;
        const chosen = state.selection.seqs.size;
        count.textContent = t('chats.selected', { count: chosen });
        forward.textContent = t('chats.forward');
        if (!hide.dataset.armed) hide.textContent = t('chats.deleteForMe');
        cancel.textContent = t('chats.cancel');
        forward.disabled = chosen === 0;
        hide.disabled = chosen === 0;
    }

    return { node, choose, end, leaveIfElsewhere, render };
}

// The pinned messages of the open chat (置顶消息): the bar above the log shows one pin — its
// sender and text — and each click goes to it and brings up the next, as Telegram's does; the
// owner and admins (either person in a direct chat) unpin with ✕. Rebuilt only when what it shows
// changed, so a focused ✕ keeps its focus while other frames arrive.
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';

export function createPinsBar({ state, names, request, onJump }) {
    const pinsBar = el('div', { class: 'pins-bar', hidden: true });
    const pinIndex = new Map(); // conversation id → which pin the bar shows

    function render(conversation) {
        const pins = state.pins.get(conversation.id) ?? [];
        pinsBar.hidden = pins.length === 0;
        if (!pins.length) {
            delete pinsBar.dataset.look;
            return;
        }
        const at = (pinIndex.get(conversation.id) ?? 0) % pins.length;
        const m = pins[at].message;
        const text = names.summary(conversation.id, m);
        const manager = conversation.kind === 'direct' || ['owner', 'admin'].includes(names.myRole(conversation.id));
        // Rebuilt only when what it shows changed (a focused ✕ keeps its focus through other frames).
        const look = JSON.stringify([pins.length, at, m.seq, text, manager, t('chats.pinnedMessage')]);
        if (pinsBar.dataset.look === look) return;
        pinsBar.dataset.look = look;
        replace(pinsBar,
            el('button', { type: 'button', class: 'pin-open', id: 'pin-open', onclick: () => {
                // Each click goes to the pin shown and brings up the next (as Telegram's bar does).
                pinIndex.set(conversation.id, at + 1);
                onJump(conversation.id, m.seq);
            } },
            el('span', { class: 'pin-label' }, pins.length > 1 ? t('chats.pinnedOf', { at: at + 1, count: pins.length })
                : t('chats.pinnedMessage')),
                el('span', { class: 'pin-text' }, `${names.memberName(conversation.id, m.sender, m.senderName)}: ${text}`)),
            manager ? el('button', { type: 'button', class: 'link pin-remove', 'aria-label': t('chats.unpinMessage'),
                onclick: () => request({ type: 'pin', conversation: conversation.id, seq: m.seq, on: false }) }, '✕') : null);
    }

    return { node: pinsBar, render };
}

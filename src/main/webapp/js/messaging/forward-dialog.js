// Forwarding (转发): a dialog to pick one or several chats (at most ten), searchable by name;
// each gets a copy of the message — or of several selected messages, in their order — sent
// like any message (one `forward` frame per message and chat, each with its own client message
// id). What failed is said in the dialog; the chats it failed for stay ticked.
import { avatar, avatarUrl, el, replace } from '../dom.js';
import { has, t } from '../i18n.js';

const MAX_TARGETS = 10;
const FORWARD_TIMEOUT_MS = 8000;

export function openForwardDialog({ gateway, names, conversations, messages, onDone = () => {} }) {
    const chosen = new Set();
    // One client message id per (chat, message), kept across retries: a retry after a timeout
    // (the copy may be stored already) is a resend the server recognises, never a second copy.
    const clientIds = new Map();
    const clientId = (target, from) => {
        const key = `${target}:${from.conversation}:${from.seq}`;
        if (!clientIds.has(key)) clientIds.set(key, crypto.randomUUID());
        return clientIds.get(key);
    };
    const sent = new Set();
    const search = el('input', { type: 'search', id: 'forward-search', autocomplete: 'off',
        placeholder: t('chats.forwardSearch'), 'aria-label': t('chats.forwardSearch') });
    const list = el('ul', { class: 'rows forward-list' });
    const status = el('p', { class: 'form-error', role: 'alert' });
    const send = el('button', { type: 'button', class: 'primary', id: 'forward-send', disabled: true });
    const dialog = el('dialog', { class: 'dialog', 'aria-label': t('chats.forward') },
        el('div', { class: 'dialog-head' }, el('h2', {}, t('chats.forward')),
            el('button', { type: 'button', class: 'link dialog-close', 'aria-label': t('chats.close'),
                onclick: () => dialog.close() }, '✕')),
        search, list, status, send);
    document.body.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());

    function render() {
        const query = search.value.trim().toLowerCase();
        const shown = conversations().filter((c) => !query || names.title(c).toLowerCase().includes(query)).slice(0, 50);
        replace(list, shown.map((c) => {
            const box = el('input', { type: 'checkbox', class: 'forward-target', value: c.id, checked: chosen.has(c.id),
                disabled: !chosen.has(c.id) && chosen.size >= MAX_TARGETS,
                onchange: () => { if (box.checked) chosen.add(c.id); else chosen.delete(c.id); render(); } });
            const title = names.title(c);
            return el('li', {}, el('label', { class: 'check row' }, box,
                avatar(title, c.peer?.id ?? c.group?.id, '', c.peer ? avatarUrl('users', c.peer.id, c.peer.avatar)
                    : avatarUrl('groups', c.group?.id, c.group?.avatar)), el('span', { class: 'row-title' }, title)));
        }));
        send.disabled = chosen.size === 0;
        send.textContent = chosen.size ? t('chats.forwardTo', { count: chosen.size }) : t('chats.forward');
    }

    send.addEventListener('click', async () => {
        send.disabled = true;
        status.textContent = '';
        const failed = [];
        for (const target of [...chosen]) {
            let allSent = true;
            for (const from of messages) {
                const key = `${target}:${from.conversation}:${from.seq}`;
                if (sent.has(key)) continue;
                try {
                    const reply = await gateway.request({ type: 'forward', conversation: target,
                        clientMessageId: clientId(target, from), from }, FORWARD_TIMEOUT_MS);
                    if (reply.type === 'ack') {
                        sent.add(key);
                    } else {
                        allSent = false;
                        failed.push(has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message);
                    }
                } catch {
                    allSent = false;
                    failed.push(t('error.network'));
                }
            }
            if (allSent) chosen.delete(target);
        }
        if (!failed.length) {
            dialog.close();
            onDone();
            return;
        }
        // What is still ticked is what did not go: the person can try those again.
        status.textContent = [...new Set(failed)].join(' ');
        render();
    });
    search.addEventListener('input', render);
    render();
    dialog.showModal();
    search.focus();
}

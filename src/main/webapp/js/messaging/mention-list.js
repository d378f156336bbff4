// The @mention list of the composer: the group's members matching what follows an "@" at the
// caret — by one's remark or by the name others know — as a listbox the text box controls
// (aria-activedescendant), so the focus stays in the text; ↑/↓ move, Enter or Tab choose.
import { avatar, el, replace } from '../dom.js';
import { t } from '../i18n.js';

const SHOWN = 6;

export function createMentionList({ me, names, input, members, conversation, onChoose }) {
    const node = el('ul', { class: 'suggestions', id: 'mention-list', role: 'listbox', hidden: true });
    let found = [];  // candidates shown
    let active = -1; // the highlighted one

    /** The "@…" being typed just before the caret, or null. */
    function typed() {
        return /@([^\s@]*)$/u.exec(input.value.slice(0, input.selectionStart));
    }

    function suggest() {
        const everyone = members();
        const match = typed();
        if (!everyone || !match) {
            close();
            return;
        }
        const query = match[1].toLowerCase();
        const open = conversation();
        found = everyone.filter((m) => m.user.id !== me.id
            && (names.memberName(open, m.user.id).toLowerCase().includes(query)
                || names.publicName(m).toLowerCase().includes(query))).slice(0, SHOWN);
        active = found.length ? 0 : -1;
        show();
    }

    function show() {
        node.hidden = found.length === 0;
        const open = conversation();
        replace(node, found.map((m, i) => {
            const name = names.memberName(open, m.user.id);
            const known = names.publicName(m);
            return el('li', { role: 'option', id: `mention-${m.user.id}`, class: 'suggestion',
                'aria-selected': String(i === active), dataset: { userId: m.user.id },
                onmousedown: (event) => { event.preventDefault(); choose(m); } }, avatar(name, m.user.id), name,
            known !== name ? el('span', { class: 'row-sub' }, ` (${known})`) : null);
        }));
        if (active >= 0) input.setAttribute('aria-activedescendant', `mention-${found[active].user.id}`);
        else input.removeAttribute('aria-activedescendant');
    }

    /** Handles a key of the text box while the list is open; returns whether it was the list's. */
    function handleKey(event) {
        if (node.hidden) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            active = (active + (event.key === 'ArrowDown' ? 1 : -1) + found.length) % found.length;
            show();
            return true;
        }
        if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0 && !event.isComposing) {
            event.preventDefault();
            choose(found[active]);
            return true;
        }
        return false;
    }

    function choose(member) {
        const match = typed();
        if (!match) return;
        onChoose(member, input.selectionStart - match[0].length, input.selectionStart);
        close();
    }

    /** Closes the list; returns whether it was open. */
    function close() {
        const wasOpen = !node.hidden;
        found = [];
        active = -1;
        node.hidden = true;
        input.removeAttribute('aria-activedescendant');
        return wasOpen;
    }

    return { node, suggest, handleKey, close, render: () => node.setAttribute('aria-label', t('chats.mentionSomeone')) };
}

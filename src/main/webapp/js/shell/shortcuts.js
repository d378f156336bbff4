// Keyboard shortcuts for the whole page: Ctrl/⌘+K opens the quick switcher (jump to any chat or
// friend by typing), Alt+↑/↓ moves to the previous or next chat, "?" lists the shortcuts, and Esc
// closes the innermost open thing (a dialog, a menu, a picker, reply or edit mode) and nothing more.
import { avatar, el, replace } from '../dom.js';
import { t } from '../i18n.js';

const SHORTCUTS = [
    ['Ctrl+K', 'shortcuts.switcher'],
    ['Alt+↑ / Alt+↓', 'shortcuts.nextChat'],
    ['↑', 'shortcuts.editLast'],
    ['↑ ↓ Enter', 'shortcuts.messages'],
    ['Shift+F10', 'shortcuts.messageMenu'],
    ['Shift+Enter', 'shortcuts.newLine'],
    ['Esc', 'shortcuts.close'],
    ['?', 'shortcuts.help'],
];

export function installShortcuts({ candidates, openCandidate, step, closePopup }) {
    const dialogs = [];

    function dialog(labelKey, ...content) {
        const node = el('dialog', { class: 'dialog', 'aria-label': t(labelKey) },
            el('div', { class: 'dialog-head' }, el('h2', {}, t(labelKey)),
                el('button', { type: 'button', class: 'link dialog-close', 'aria-label': t('chats.close'),
                    onclick: () => node.close() }, '✕')),
            ...content);
        document.body.append(node);
        node.addEventListener('close', () => {
            dialogs.splice(dialogs.indexOf(node), 1);
            node.remove();
        });
        node.addEventListener('cancel', (event) => { event.stopPropagation(); });
        dialogs.push(node);
        node.showModal(); // modal: the page behind is inert until it closes
        return node;
    }

    function help() {
        dialog('shortcuts.title', el('dl', { class: 'shortcut-list' }, SHORTCUTS.flatMap(([keys, key]) => [
            el('dt', {}, el('kbd', {}, keys)), el('dd', {}, t(key))])));
    }

    function switcher() {
        const input = el('input', { type: 'search', id: 'switcher-input', role: 'combobox', 'aria-expanded': 'true',
            'aria-controls': 'switcher-list', 'aria-autocomplete': 'list', autocomplete: 'off',
            placeholder: t('shortcuts.switcherPlaceholder'), 'aria-label': t('shortcuts.switcherPlaceholder') });
        const list = el('ul', { class: 'rows switcher-list', id: 'switcher-list', role: 'listbox' });
        let shown = [];
        let active = 0;
        const node = dialog('shortcuts.switcher', input, list);
        const render = () => {
            const query = input.value.trim().toLowerCase();
            shown = candidates().filter((c) => !query || c.label.toLowerCase().includes(query)
                || (c.hint ?? '').toLowerCase().includes(query)).slice(0, 8);
            active = Math.min(active, Math.max(0, shown.length - 1));
            replace(list, shown.map((c, i) => el('li', { role: 'option', id: `switch-${i}`, class: 'row switcher-row',
                'aria-selected': String(i === active), onmousedown: (event) => { event.preventDefault(); choose(c); } },
            avatar(c.label, c.avatarId ?? i), el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, c.label),
                c.hint ? el('span', { class: 'row-sub' }, c.hint) : null))));
            if (shown.length) input.setAttribute('aria-activedescendant', `switch-${active}`);
            else input.removeAttribute('aria-activedescendant');
        };
        const choose = (candidate) => {
            node.close();
            openCandidate(candidate);
        };
        input.addEventListener('input', () => { active = 0; render(); });
        input.addEventListener('keydown', (event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                if (shown.length) active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length;
                render();
            } else if (event.key === 'Enter' && shown[active]) {
                event.preventDefault();
                choose(shown[active]);
            }
        });
        render();
        input.focus();
    }

    const typing = (target) => target.closest?.('input, textarea, select, [contenteditable="true"]');

    document.addEventListener('keydown', (event) => {
        // Behind an open dialog (help, switcher, forward, the image viewer) the page is inert:
        // no shortcut reaches it.
        const dialogOpen = Boolean(document.querySelector('dialog[open]'));
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            if (!dialogOpen) switcher();
        } else if (dialogOpen) {
            // Esc and everything else belong to the dialog.
        } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
            event.preventDefault();
            step(event.key === 'ArrowDown' ? 1 : -1);
        } else if (event.key === '?' && !typing(event.target)) {
            event.preventDefault();
            help();
        } else if (event.key === 'Escape' && !event.defaultPrevented) {
            if (closePopup()) event.preventDefault();
        }
    });

    return { help, switcher };
}

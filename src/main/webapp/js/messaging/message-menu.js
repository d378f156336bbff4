// The message menu: one popup for whatever can be done with a message, opened by right-click,
// a long press on touch screens, the "⋯" button, or the keyboard (Enter, Shift+F10 or the menu
// key on a focused message). Arrow keys move, Enter chooses, Esc closes and gives focus back.
import { el, replace } from '../dom.js';

const LONG_PRESS_MS = 500;

export function createMessageMenu() {
    const menu = el('ul', { class: 'message-menu', role: 'menu', hidden: true });
    document.body.append(menu);
    let returnTo = null;

    /**
     * Opens the menu for {@code items} ({ label, run, danger, confirm }) next to {@code anchor}.
     * An item with {@code confirm} asks once more in place before running (for what cannot be undone).
     */
    function open(anchor, items, point = null) {
        if (!items.length) return;
        returnTo = anchor;
        replace(menu, items.map((item) => el('li', { role: 'none' }, el('button', {
            type: 'button', role: 'menuitem', tabindex: '-1', class: item.danger ? 'danger' : null,
            dataset: { action: item.id }, onclick: (event) => choose(event.currentTarget, item) }, item.label))));
        menu.hidden = false;
        const box = anchor.getBoundingClientRect();
        const x = point ? point.x : box.right - 8;
        const y = point ? point.y : box.top + 8;
        const width = menu.offsetWidth;
        const height = menu.offsetHeight;
        menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - width - 4))}px`;
        menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - height - 4))}px`;
        menu.querySelector('button')?.focus();
    }

    function choose(button, item) {
        if (item.confirm && !button.dataset.armed) {
            button.dataset.armed = 'true';
            button.textContent = item.confirm;
            return;
        }
        close();
        item.run();
    }

    function close(restoreFocus = true) {
        if (menu.hidden) return false;
        menu.hidden = true;
        if (restoreFocus && returnTo?.isConnected) returnTo.focus();
        returnTo = null;
        return true;
    }

    menu.addEventListener('keydown', (event) => {
        const buttons = [...menu.querySelectorAll('button')];
        const at = buttons.indexOf(document.activeElement);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            buttons[(at + step + buttons.length) % buttons.length].focus();
        } else if (event.key === 'Home' || event.key === 'End') {
            event.preventDefault();
            buttons[event.key === 'Home' ? 0 : buttons.length - 1].focus();
        } else if (event.key === 'Escape' || event.key === 'Tab') {
            event.preventDefault();
            event.stopPropagation();
            close();
        }
    });
    document.addEventListener('pointerdown', (event) => {
        if (!menu.hidden && !menu.contains(event.target)) close(false);
    }, true);
    window.addEventListener('resize', () => close(false));

    /** Wires a message list: right-click, long press and keys on a message open its menu. */
    function attach(list, itemsFor) {
        const messageOf = (target) => target.closest?.('.message[data-seq]');
        list.addEventListener('contextmenu', (event) => {
            const message = messageOf(event.target);
            if (!message || event.target.closest('a')) return;
            event.preventDefault();
            open(message, itemsFor(message), { x: event.clientX, y: event.clientY });
        });
        list.addEventListener('click', (event) => {
            const button = event.target.closest('.menu-button');
            if (!button) return;
            const message = messageOf(button);
            if (message) open(message, itemsFor(message));
        });
        list.addEventListener('keydown', (event) => {
            const message = messageOf(event.target);
            if (!message || event.target !== message) return;
            if (event.key === 'Enter' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
                event.preventDefault();
                open(message, itemsFor(message));
            }
        });
        let timer = null;
        let start = null;
        list.addEventListener('pointerdown', (event) => {
            if (event.pointerType !== 'touch') return;
            const message = messageOf(event.target);
            if (!message) return;
            start = { x: event.clientX, y: event.clientY };
            timer = setTimeout(() => open(message, itemsFor(message), start), LONG_PRESS_MS);
        });
        const cancel = () => clearTimeout(timer);
        ['pointerup', 'pointercancel'].forEach((type) => list.addEventListener(type, cancel));
        // A finger is never quite still: only a real move (a scroll) cancels the press.
        list.addEventListener('pointermove', (event) => {
            if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > 10) cancel();
        });
    }

    return { attach, open, close, isOpen: () => !menu.hidden };
}

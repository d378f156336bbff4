// A list of suggestions under the composer's text box (the @mention list, the slash-command
// list): a listbox the text box controls through aria-activedescendant, so the focus stays in
// the text; ↑/↓ move, Enter or Tab choose, a click chooses. What is suggested, and what choosing
// does, belongs to the list that uses it.
import { el, replace } from '../dom.js';

/**
 * {@code option(item)} gives an item's { id, dataset, children }; {@code choose(item)} is called
 * when one is chosen (the list closes itself afterwards).
 */
export function createSuggestions({ input, id, option, choose }) {
    const node = el('ul', { class: 'suggestions', id, role: 'listbox', hidden: true });
    let found = [];
    let active = -1;

    /** Shows {@code items} (the first highlighted), or redraws the current ones. */
    function show(items = found) {
        if (items !== found) {
            found = items;
            active = found.length ? 0 : -1;
        }
        node.hidden = found.length === 0;
        replace(node, found.map((item, i) => {
            const { id: optionId, dataset, children } = option(item);
            return el('li', { role: 'option', id: optionId, class: 'suggestion', 'aria-selected': String(i === active), dataset,
                onmousedown: (event) => { event.preventDefault(); pick(item); } }, ...children);
        }));
        if (active >= 0) input.setAttribute('aria-activedescendant', option(found[active]).id);
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
            pick(found[active]);
            return true;
        }
        return false;
    }

    function pick(item) {
        choose(item);
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

    return { node, show, handleKey, close };
}

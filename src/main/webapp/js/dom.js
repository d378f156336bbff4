// Building DOM without HTML strings: every text goes in as a text node, so user content can
// never become markup.
//   el('button', { class: 'x', onclick: fn, 'aria-label': 'Close' }, 'text', childNode)
import { t } from './i18n.js';

/** The "bot" badge after a bot's name (null for a person). */
export function botBadge(person) {
    return person?.bot ? el('span', { class: 'bot-badge' }, t('bot.badge')) : null;
}

export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key === 'dataset') Object.assign(node.dataset, value);
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else if (key === 'value') node.value = value;
        else if (key === 'checked' || key === 'selected') node[key] = true;
        else node.setAttribute(key, value === true ? '' : String(value));
    }
    return add(node, ...children);
}

/** Appends children, skipping null/undefined/false (which the DOM would write out as text). */
export function add(parent, ...children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        parent.append(child instanceof Node ? child : String(child));
    }
    return parent;
}

/** Replaces all children (same skipping as {@link add}). */
export function replace(parent, ...children) {
    parent.replaceChildren();
    return add(parent, ...children);
}

/**
 * An avatar: the picture when there is one ({@code src}), else the first letter of the name on
 * a colour derived from the id (also what shows if the picture fails to load).
 */
export function avatar(name, id, size = '', src = null) {
    const hue = (Number(id) * 47) % 360;
    const node = el('span', { class: `avatar ${size}`.trim(), 'aria-hidden': 'true' },
        (name || '?').trim().charAt(0).toUpperCase());
    // Dark enough for white letters to read (4.5:1) whatever the hue.
    node.style.background = `hsl(${hue} 60% 34%)`;
    if (src) {
        const img = el('img', { src, alt: '', loading: 'lazy' });
        img.addEventListener('error', () => img.remove());
        node.append(img);
    }
    return node;
}

/** The URL of a person's or group's avatar picture, or null when they have none. */
export function avatarUrl(kind, id, avatarId) {
    return avatarId ? `/api/v1/avatars/${kind}/${id}?v=${avatarId}` : null;
}

/** A size in bytes for people: 1.2 MB, 340 KB. */
export function humanSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Makes {@code parent}'s children exactly {@code nodes}, in that order, moving only what is out
 * of place: nodes that are already there stay (with their focus, selection and images loaded).
 */
export function reconcile(parent, nodes) {
    let cursor = parent.firstChild;
    for (const node of nodes) {
        if (node === cursor) {
            cursor = cursor.nextSibling;
        } else {
            parent.insertBefore(node, cursor);
        }
    }
    while (cursor) {
        const next = cursor.nextSibling;
        cursor.remove();
        cursor = next;
    }
}

/**
 * Nodes kept by key and rebuilt only when what they show changed: {@code node(key, signature,
 * build)} returns the node built last time when the signature is the same. {@code sweep()}
 * forgets the nodes not asked for since the previous sweep.
 */
export class KeyedNodes {
    #held = new Map();

    node(key, signature, build) {
        const held = this.#held.get(key);
        if (held && held.signature === signature) {
            held.used = true;
            return held.node;
        }
        const node = build();
        this.#held.set(key, { signature, node, used: true });
        return node;
    }

    sweep() {
        for (const [key, held] of this.#held) {
            if (held.used) held.used = false;
            else this.#held.delete(key);
        }
    }

    clear() {
        this.#held.clear();
    }
}

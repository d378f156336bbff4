// Addresses for every view, in the URL's hash so that the server serves the same page for all
// of them: #/chats, #/chats/42, #/contacts, #/contacts/people/alice, #/contacts/groups/7,
// #/contacts/requests, #/profile, #/profile/password … Pure: no DOM; the shell applies a route.

export const SECTIONS = ['chats', 'contacts', 'profile'];
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What a hash names: { section, path } with {@code path} the rest after the section ('' for the
 * section itself). Anything unknown or malformed is the chat list.
 */
export function parseRoute(hash) {
    const raw = String(hash ?? '').replace(/^#\/?/, '');
    const [section, ...rest] = raw.split('/').filter((part) => part !== '');
    if (!SECTIONS.includes(section) || rest.length > 2 || !rest.every((part) => SEGMENT.test(part))) {
        return { section: 'chats', path: '' };
    }
    return { section, path: rest.join('/') };
}

export function formatRoute({ section, path = '' }) {
    return path ? `#/${section}/${path}` : `#/${section}`;
}

/** The open chat a route names, or null. */
export function chatOf(route) {
    return route.section === 'chats' && /^\d{1,18}$/.test(route.path) ? Number(route.path) : null;
}

export const chatRoute = (id) => formatRoute({ section: 'chats', path: String(id) });

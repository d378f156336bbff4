// The REST client: JSON in, JSON out, and every failure as an ApiError carrying the problem
// detail's stable code and field. The session travels in the HttpOnly cookie.
import { language } from './i18n.js';

const BASE = '/api/v1';

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || `HTTP ${status}`);
        this.status = status;
        this.code = problem?.code || (status === 0 ? 'network' : 'generic');
        this.field = problem?.field || null;
        this.errors = problem?.errors || [];
    }
}

export async function api(method, path, body) {
    return (await call(method, BASE + path, body)).data;
}

/**
 * Every page of a paged list: follows the `Link: <…>; rel="next"` header of each answer and
 * returns all the items, in order.
 */
export async function apiAll(path) {
    const items = [];
    let url = BASE + path;
    while (url) {
        const { data, response } = await call('GET', url);
        items.push(...data);
        url = nextLink(response.headers.get('Link'));
    }
    return items;
}

/** One page of a paged list: its items and the path of the next page (null on the last). */
export async function apiPage(path) {
    const { data, response } = await call('GET', path.startsWith(BASE) ? path : BASE + path);
    return { items: data, next: nextLink(response.headers.get('Link')) };
}

function nextLink(header) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header || '');
    if (!match) return null;
    // Its path on this very server, whatever host a proxy made the server write into it.
    const next = new URL(match[1], location.href);
    return next.pathname.startsWith(BASE + '/') ? next.pathname + next.search : null;
}

async function call(method, url, body) {
    let response;
    try {
        response = await fetch(url, {
            method,
            credentials: 'same-origin',
            // The page's language: mail the server sends about this request is written in it.
            headers: body === undefined ? { Accept: 'application/json', 'Accept-Language': language() }
                : { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': language() },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch {
        throw new ApiError(0, null);
    }
    if (response.status === 204) return { data: null, response };
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return { data, response };
}

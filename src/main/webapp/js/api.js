// The REST client: JSON in, JSON out, and every failure as an ApiError carrying the problem
// detail's stable code and field. The session travels in the HttpOnly cookie.
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
    let response;
    try {
        response = await fetch(BASE + path, {
            method,
            credentials: 'same-origin',
            headers: body === undefined ? { Accept: 'application/json' }
                : { Accept: 'application/json', 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch {
        throw new ApiError(0, null);
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

// The page's one WebSocket. It connects, says how it is doing (connecting / online / offline),
// reconnects by itself with exponential backoff and jitter, and notices a dead connection with
// an application ping (a browser cannot send WebSocket pings). A close with 1008 and reason
// "unauthenticated" or "signed_out" means the session is over: it stops and reports it. A close
// with 1013 and "retry_after=N" (the server is taking too many connections at once, e.g. every
// client after a restart) is honoured: not before N seconds.
const PING_EVERY_MS = 20000;
const PONG_WITHIN_MS = 10000;
const MAX_BACKOFF_MS = 30000;

/**
 * How long to wait before reconnection attempt number {@code attempt} (0 first): exponential
 * backoff from 1 s to 30 s, a random half of each step, and never sooner than a 1013 close's
 * {@code retry_after=N} hint (plus up to a second, so the clients sent to one second spread).
 */
export function reconnectDelay(attempt, code, reason, random = Math.random) {
    const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
    const backoff = ceiling / 2 + random() * ceiling / 2;
    const hint = code === 1013 && /(?:^|\s)retry_after=(\d{1,4})(?:\s|$)/.exec(reason || '');
    return hint ? Math.max(backoff, Number(hint[1]) * 1000 + random() * 1000) : backoff;
}

export class Gateway extends EventTarget {
    #socket = null;
    #attempt = 0;
    #timer = null;
    #pingTimer = null;
    #pongDeadline = null;
    #stopped = false;
    #nextId = 1;
    #waiting = new Map();
    state = 'connecting';

    start() {
        this.#stopped = false;
        this.#connect();
        window.addEventListener('online', this.#reconnectNow);
    }

    stop() {
        this.#stopped = true;
        window.removeEventListener('online', this.#reconnectNow);
        clearTimeout(this.#timer);
        this.#abandon();
    }

    /** Sends a request frame; returns its id. */
    send(frame) {
        const id = `c${this.#nextId++}`;
        if (this.#socket?.readyState === WebSocket.OPEN) {
            this.#socket.send(JSON.stringify({ ...frame, id }));
        }
        return id;
    }

    /**
     * Sends a request and resolves with the reply that names it (an answer or an error frame).
     * Rejects when the connection is down, drops, or nothing comes back in time.
     */
    request(frame, timeoutMs = 10000) {
        if (this.#socket?.readyState !== WebSocket.OPEN) return Promise.reject(new Error('offline'));
        const id = this.send(frame);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.#waiting.delete(id);
                reject(new Error('timeout'));
            }, timeoutMs);
            this.#waiting.set(id, { resolve, reject, timer });
        });
    }

    #failWaiting() {
        for (const { reject, timer } of this.#waiting.values()) {
            clearTimeout(timer);
            reject(new Error('offline'));
        }
        this.#waiting.clear();
    }

    #reconnectNow = () => {
        if (this.state !== 'online' && !this.#stopped) {
            clearTimeout(this.#timer);
            this.#connect();
        }
    };

    #connect() {
        // Never two sockets at once: a pending or stale one is dropped before a new one starts.
        this.#abandon();
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        this.#setState('connecting');
        const socket = new WebSocket(`${scheme}//${location.host}/ws`);
        this.#socket = socket;
        socket.addEventListener('message', (event) => {
            if (this.#socket === socket) this.#receive(event.data);
        });
        socket.addEventListener('close', (event) => {
            if (this.#socket !== socket) return;
            this.#socket = null;
            this.#stopPinging();
            this.#failWaiting();
            if (event.code === 1008 && ['unauthenticated', 'signed_out', 'banned', 'password_reset'].includes(event.reason)) {
                this.#stopped = true;
                this.#setState('offline');
                this.dispatchEvent(new CustomEvent('signedout', { detail: event.reason }));
                return;
            }
            this.#setState('offline');
            this.#scheduleReconnect(event.code, event.reason);
        });
    }

    #receive(text) {
        let frame;
        try {
            frame = JSON.parse(text);
        } catch {
            return;
        }
        this.#pongDeadline && clearTimeout(this.#pongDeadline);
        this.#pongDeadline = null;
        const waiter = frame.id && this.#waiting.get(frame.id);
        if (waiter) {
            clearTimeout(waiter.timer);
            this.#waiting.delete(frame.id);
            waiter.resolve(frame);
        }
        if (frame.type === 'welcome') {
            this.#attempt = 0;
            this.#setState('online');
            this.#startPinging();
        }
        this.dispatchEvent(new CustomEvent(frame.type, { detail: frame }));
        this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
    }

    #scheduleReconnect(code, reason) {
        if (this.#stopped) return;
        const delay = reconnectDelay(this.#attempt, code, reason);
        this.#attempt++;
        this.#timer = setTimeout(() => this.#connect(), delay);
    }

    #startPinging() {
        this.#stopPinging();
        this.#pingTimer = setInterval(() => {
            this.send({ type: 'ping' });
            if (!this.#pongDeadline) {
                // Any frame counts as a sign of life; silence past the deadline means a dead link.
                // Closing a dead link waits for a closing handshake that never comes, so the socket
                // is abandoned and a new one started at once.
                this.#pongDeadline = setTimeout(() => {
                    this.#abandon();
                    this.#setState('offline');
                    this.#scheduleReconnect();
                }, PONG_WITHIN_MS);
            }
        }, PING_EVERY_MS);
    }

    /** Forgets the current socket (its events are ignored from now on) and closes it. */
    #abandon() {
        const socket = this.#socket;
        this.#socket = null;
        this.#stopPinging();
        this.#failWaiting();
        if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'replaced');
    }

    #stopPinging() {
        clearInterval(this.#pingTimer);
        clearTimeout(this.#pongDeadline);
        this.#pingTimer = null;
        this.#pongDeadline = null;
    }

    #setState(state) {
        this.state = state;
        this.dispatchEvent(new CustomEvent('state', { detail: state }));
    }
}

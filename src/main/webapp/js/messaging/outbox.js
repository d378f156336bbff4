// What the person sent and the server has not acknowledged yet: texts (sent over the socket
// with a client message id and retried with the same id until acknowledged, so a retry can
// never double a message) and files (uploaded over HTTP so they stream with progress, then sent
// like any message). A send the server refused for the moment (`busy`, `rate_limited`,
// `unavailable`) is sent again by itself a few times, after a pause that doubles and is spread
// at random, so that the clients a busy server turned away do not all come back in the same
// instant. Other refusals, and the last transient one, leave the item failed, with the reason and
// a retry.
import { has, t } from '../i18n.js';

const SEND_TIMEOUT_MS = 8000;
// Refusals that say "not now" (nothing was done): a moment later the same request may succeed.
const TRANSIENT = new Set(['busy', 'rate_limited', 'unavailable']);
const AUTO_RESENDS = 3;

/** The pause before automatic resend number `resends + 1`: 1, 2, 4 s, each spread over half to one and a half of it. */
export function resendDelay(resends, random = Math.random) {
    const base = 1000 * 2 ** resends;
    return Math.round(base / 2 + random() * base);
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createOutbox({ me, gateway, state, store, catchUp, changed, pause = wait }) {
    function send(conversation, { body, replyTo, mentions }) {
        const clientId = crypto.randomUUID();
        state.pending.set(clientId, { conversation, body, replyTo, mentions, status: 'sending' });
        attempt(clientId);
    }

    function upload(conversation, file) {
        const clientId = crypto.randomUUID();
        state.pending.set(clientId, { conversation, file, status: 'uploading', progress: 0, mentions: [], replyTo: null });
        startUpload(clientId);
        changed(conversation, true);
    }

    function cancel(clientId) {
        const p = state.pending.get(clientId);
        if (!p) return;
        p.xhr?.abort();
        state.pending.delete(clientId);
        changed(p.conversation);
    }

    function startUpload(clientId) {
        const p = state.pending.get(clientId);
        p.status = 'uploading';
        p.progress = 0;
        const xhr = new XMLHttpRequest();
        p.xhr = xhr;
        xhr.open('POST', `/api/v1/media?conversation=${p.conversation}&name=${encodeURIComponent(p.file.name || 'file')}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.addEventListener('progress', (event) => {
            if (!event.lengthComputable) return;
            p.progress = Math.round((event.loaded / event.total) * 100);
            // Straight to the bar: a redraw per progress event would be wasted work.
            const bar = document.querySelector(`[data-client-id="${clientId}"] progress`);
            if (bar) bar.value = p.progress;
        });
        xhr.addEventListener('load', () => {
            if (xhr.status === 201) {
                p.media = JSON.parse(xhr.responseText).id;
                attempt(clientId);
                return;
            }
            let problem = null;
            try {
                problem = JSON.parse(xhr.responseText);
            } catch {
                problem = null;
            }
            fail(p, problem && has(`error.${problem.code}`) ? t(`error.${problem.code}`) : (problem?.detail ?? t('error.generic')));
        });
        xhr.addEventListener('error', () => fail(p, t('error.network')));
        xhr.send(p.file);
    }

    function fail(p, reason) {
        p.status = 'failed';
        p.error = reason;
        changed(p.conversation);
    }

    async function attempt(clientId) {
        const p = state.pending.get(clientId);
        if (!p) return;
        if (p.file && !p.media) {
            startUpload(clientId);
            changed(p.conversation);
            return;
        }
        // Each attempt has a turn: a reconnect's resend, the person's retry or a cancel while an
        // automatic resend waits makes that resend stale: an item has one schedule of resends, not two.
        const turn = (p.turn = (p.turn ?? 0) + 1);
        p.status = 'sending';
        changed(p.conversation, true);
        const frame = { type: 'send', conversation: p.conversation, clientMessageId: clientId };
        if (p.body) frame.body = p.body;
        if (p.media) frame.media = p.media;
        if (p.replyTo) frame.replyTo = p.replyTo;
        if (p.mentions.length) frame.mentions = p.mentions;
        try {
            const reply = await gateway.request(frame, SEND_TIMEOUT_MS);
            if (reply.type === 'ack') {
                acknowledged(clientId, p, reply);
            } else if (p.turn !== turn) {
                return; // a later attempt of the same item speaks for it
            } else if (TRANSIENT.has(reply.code) && (p.resends ?? 0) < AUTO_RESENDS) {
                // Still "sending" to the person: the server asked for a moment, not a decision.
                const delay = resendDelay(p.resends ?? 0);
                p.resends = (p.resends ?? 0) + 1;
                await pause(delay);
                if (state.pending.get(clientId) === p && p.turn === turn) attempt(clientId);
                return;
            } else {
                p.status = 'failed';
                p.error = has(`error.${reply.code}`) ? t(`error.${reply.code}`) : reply.message;
            }
        } catch {
            if (p.turn !== turn) return;
            p.status = 'failed';
            p.error = null;
        }
        changed(p.conversation);
    }

    /** Stored. The live message frame may already have shown it; if not, show it from the ack. */
    function acknowledged(clientId, p, reply) {
        const held = state.messages.has(p.conversation);
        if (held && !state.messages.get(p.conversation, reply.seq) && !p.media) {
            store({ id: reply.messageId, conversation: p.conversation, seq: reply.seq, sender: me.id,
                clientMessageId: clientId, kind: 'text', body: p.body, replyTo: p.replyTo, mentions: p.mentions,
                createdAt: reply.createdAt, recalled: false });
        } else if (held && !state.messages.get(p.conversation, reply.seq)) {
            catchUp(p.conversation).catch(() => {});
        }
        state.pending.delete(clientId);
    }

    /** After a reconnect, everything not yet acknowledged is sent again under the same id. */
    function resendAll() {
        for (const [clientId, p] of state.pending) if (p.status !== 'uploading') attempt(clientId);
    }

    /** The person's retry of a failed item: it gets its automatic resends again. */
    function retry(clientId) {
        const p = state.pending.get(clientId);
        if (p) p.resends = 0;
        attempt(clientId);
    }

    return { send, upload, retry, cancel, resendAll };
}

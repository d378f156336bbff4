// A send the server refused for the moment (busy, rate_limited) goes again by itself, a few
// times, after pauses that double and are spread at random; anything else fails at once with
// its reason and waits for the person's retry, which starts the automatic resends afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox, resendDelay } from '../../main/webapp/js/messaging/outbox.js';

test('the pauses double from one second, each a random half to one and a half of its step', () => {
    assert.equal(resendDelay(0, () => 0), 500);
    assert.equal(resendDelay(0, () => 1), 1500);
    assert.equal(resendDelay(1, () => 0), 1000);
    assert.equal(resendDelay(2, () => 0.5), 4000);
});

/** An outbox whose gateway answers each send with the next of `replies`, and whose pauses return at once. */
function outboxAnswering(replies) {
    const sent = [];
    const paused = [];
    const stored = [];
    const state = {
        pending: new Map(),
        messages: { has: () => true, get: () => undefined },
    };
    let settle;
    const settled = new Promise((resolve) => { settle = resolve; });
    const outbox = createOutbox({
        me: { id: 7 },
        gateway: {
            request: async (frame) => {
                sent.push(frame);
                const reply = replies.shift();
                if (!reply) throw new Error('no reply');
                return reply.type === 'ack' ? reply : { type: 'error', code: reply.code, message: reply.code };
            },
        },
        state,
        store: (message) => stored.push(message),
        catchUp: async () => {},
        changed: () => {
            const items = [...state.pending.values()];
            if (items.length === 0 || items.every((p) => p.status === 'failed')) settle();
        },
        pause: async (ms) => { paused.push(ms); },
    });
    return { outbox, state, sent, paused, stored, settled };
}

const ack = { type: 'ack', seq: 5, messageId: 50, createdAt: '2026-12-07T00:00:00Z' };

test('busy, then rate_limited, then stored: sent three times under one client id, stored once', async () => {
    const o = outboxAnswering([{ code: 'busy' }, { code: 'rate_limited' }, ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await o.settled;
    assert.equal(o.sent.length, 3);
    assert.equal(new Set(o.sent.map((f) => f.clientMessageId)).size, 1);
    assert.equal(o.paused.length, 2);
    assert.ok(o.paused[0] >= 500 && o.paused[0] <= 1500, `first pause ${o.paused[0]}`);
    assert.ok(o.paused[1] >= 1000 && o.paused[1] <= 3000, `second pause ${o.paused[1]}`);
    assert.equal(o.state.pending.size, 0);
    assert.equal(o.stored.length, 1);
    assert.equal(o.stored[0].body, 'hi');
});

test('still busy after three resends: failed with the reason, and a retry starts afresh', async () => {
    const o = outboxAnswering([{ code: 'busy' }, { code: 'busy' }, { code: 'busy' }, { code: 'busy' }]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await o.settled;
    assert.equal(o.sent.length, 4);
    const [[clientId, item]] = [...o.state.pending];
    assert.equal(item.status, 'failed');
    assert.ok(item.error, 'the failure says why');

    o.outbox.retry(clientId);
    await new Promise((resolve) => setImmediate(resolve));
    // The retry met the empty reply list (a network failure) only after it was sent again.
    assert.equal(o.sent.length, 5);
    assert.equal(item.resends, 0);
});

test('a refusal that is a decision fails at once, with no resend', async () => {
    const o = outboxAnswering([{ code: 'forbidden' }]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await o.settled;
    assert.equal(o.sent.length, 1);
    assert.equal(o.paused.length, 0);
    assert.equal([...o.state.pending.values()][0].status, 'failed');
});

// A send the server refused for the moment (busy, rate_limited, unavailable) goes again by
// itself, a few times, after pauses that double and are spread at random; anything else fails at
// once with its reason and waits for the person's retry, which starts the automatic resends
// afresh. A reconnect, a retry or a cancel while a resend waits makes that resend stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox, resendDelay } from '../../main/webapp/js/messaging/outbox.js';

test('the pauses double from one second, each a random half to one and a half of its step', () => {
    assert.equal(resendDelay(0, () => 0), 500);
    assert.equal(resendDelay(0, () => 1), 1500);
    assert.equal(resendDelay(1, () => 0), 1000);
    assert.equal(resendDelay(2, () => 0.5), 4000);
});

const ack = { type: 'ack', seq: 5, messageId: 50, createdAt: '2026-12-07T00:00:00Z' };
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * An outbox whose gateway answers each send with the next of `replies` (an error code, the ack,
 * or a promise of one; 'lost' or none left: the request fails as a dropped connection would) and
 * whose pauses end only when the test says so.
 */
function outboxAnswering(replies) {
    const sent = [];
    const pauses = [];
    const stored = [];
    const state = {
        pending: new Map(),
        messages: { has: () => true, get: () => undefined },
    };
    const outbox = createOutbox({
        me: { id: 7 },
        gateway: {
            request: async (frame) => {
                sent.push(frame);
                const next = replies.shift();
                const reply = await next; // a promise: answered when the test resolves it
                if (!reply || reply === 'lost') throw new Error('connection lost');
                return reply === ack ? ack : { type: 'error', code: reply, message: reply };
            },
        },
        state,
        store: (message) => stored.push(message),
        catchUp: async () => {},
        changed: () => {},
        pause: (ms) => new Promise((end) => pauses.push({ ms, end })),
    });
    /** Ends the oldest pause still waiting and lets what follows it run. */
    const endPause = async () => {
        pauses.shift().end();
        await turn();
        await turn();
    };
    const item = () => [...state.pending.values()][0];
    return { outbox, state, sent, pauses, stored, endPause, item };
}

test('busy, then rate_limited, then stored: each resend waits its pause; one client id, stored once', async () => {
    const o = outboxAnswering(['busy', 'rate_limited', ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    assert.equal(o.sent.length, 1);
    assert.equal(o.pauses.length, 1, 'the refused send waits');
    assert.ok(o.pauses[0].ms >= 500 && o.pauses[0].ms <= 1500, `first pause ${o.pauses[0].ms}`);
    await turn();
    assert.equal(o.sent.length, 1, 'nothing is sent before the pause ends');
    assert.equal(o.item().status, 'sending');

    await o.endPause();
    assert.equal(o.sent.length, 2);
    assert.ok(o.pauses[0].ms >= 1000 && o.pauses[0].ms <= 3000, `second pause ${o.pauses[0].ms}`);
    await o.endPause();
    assert.equal(o.sent.length, 3);
    assert.equal(new Set(o.sent.map((f) => f.clientMessageId)).size, 1);
    assert.equal(o.state.pending.size, 0);
    assert.equal(o.stored.length, 1);
    assert.equal(o.stored[0].body, 'hi');
});

test('still refused for the moment after three resends: failed, with the reason', async () => {
    const o = outboxAnswering(['busy', 'unavailable', 'rate_limited', 'busy']);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    for (let i = 0; i < 3; i++) await o.endPause();
    assert.equal(o.sent.length, 4);
    assert.equal(o.pauses.length, 0);
    assert.equal(o.item().status, 'failed');
    assert.ok(o.item().error, 'the failure says why');
});

test('a retry after running out of resends is resent automatically three times again', async () => {
    const o = outboxAnswering(['busy', 'busy', 'busy', 'busy', 'busy', 'busy', 'busy', ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    for (let i = 0; i < 3; i++) await o.endPause();
    const [[clientId, item]] = [...o.state.pending];
    assert.equal(item.status, 'failed');

    o.outbox.retry(clientId);
    await turn();
    for (let i = 0; i < 3; i++) await o.endPause();
    assert.equal(o.sent.length, 8);
    assert.equal(o.state.pending.size, 0, 'stored on the third automatic resend after the retry');
});

test('a reconnect while a resend waits: sent now, and the resend that waited is dropped', async () => {
    const o = outboxAnswering(['busy', 'busy', ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    assert.equal(o.pauses.length, 1);

    o.outbox.resendAll();
    await turn();
    assert.equal(o.sent.length, 2, "the reconnect's resend");
    assert.equal(o.pauses.length, 2, 'refused again: it waits a pause of its own');

    await o.endPause();
    assert.equal(o.sent.length, 2, 'the stale resend does not go');
    await o.endPause();
    assert.equal(o.sent.length, 3);
    assert.equal(o.state.pending.size, 0);
});

test('cancelled while a resend waits: nothing more is sent', async () => {
    const o = outboxAnswering(['busy', ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    const [[clientId]] = [...o.state.pending];
    o.outbox.cancel(clientId);
    await o.endPause();
    assert.equal(o.sent.length, 1);
    assert.equal(o.state.pending.size, 0);
});

test('a refusal that is a decision fails at once, with no resend', async () => {
    const o = outboxAnswering(['forbidden']);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    assert.equal(o.sent.length, 1);
    assert.equal(o.pauses.length, 0);
    assert.equal(o.item().status, 'failed');
});


test("a late refusal of an attempt a reconnect replaced is ignored; the newer attempt's ack settles it", async () => {
    let answerFirst;
    const o = outboxAnswering([new Promise((resolve) => { answerFirst = resolve; }), ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    o.outbox.resendAll();
    await turn();
    assert.equal(o.sent.length, 2);
    assert.equal(o.state.pending.size, 0, 'stored by the second attempt');

    answerFirst('busy');
    await turn();
    assert.equal(o.pauses.length, 0, 'no resend scheduled for the replaced attempt');
    assert.equal(o.stored.length, 1);
});

test('a retry while an older resend waits: the older one does not go', async () => {
    const o = outboxAnswering(['busy', 'lost', 'busy', ack]);
    o.outbox.send(3, { body: 'hi', replyTo: null, mentions: [] });
    await turn();
    o.outbox.resendAll(); // a reconnect whose send is lost again
    await turn();
    const [[clientId, item]] = [...o.state.pending];
    assert.equal(item.status, 'failed');
    o.outbox.retry(clientId); // the person retries; busy: a pause of its own
    await turn();
    assert.equal(o.sent.length, 3);
    assert.equal(o.pauses.length, 2);

    await o.endPause(); // the first pause, now stale
    assert.equal(o.sent.length, 3, 'the stale resend does not go');
    await o.endPause();
    assert.equal(o.sent.length, 4);
    assert.equal(o.state.pending.size, 0);
});

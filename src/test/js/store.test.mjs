// The page's message store: merged in sequence whatever order messages come in, never doubled,
// holes found, and conversation summaries that only move forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageStore, advance } from '../../main/webapp/js/messaging/store.js';

const message = (seq, body = `m${seq}`, conversation = 7) => ({ conversation, seq, body, createdAt: `t${seq}` });

test('messages arriving in any order are held once, in sequence', () => {
    const store = new MessageStore();
    for (const seq of [3, 1, 2, 2, 5, 4]) store.put(message(seq));
    assert.deepEqual(store.sorted(7).map((m) => m.seq), [1, 2, 3, 4, 5]);
});

test('a newer copy of a message replaces the older (an edit, a recall)', () => {
    const store = new MessageStore();
    store.put(message(1, 'first'));
    store.put(message(1, 'edited'));
    assert.equal(store.get(7, 1).body, 'edited');
    assert.equal(store.sorted(7).length, 1);
});

test('a message beyond a hole says so, and the hole-free top stops before it', () => {
    const store = new MessageStore();
    assert.equal(store.put(message(10)), false, 'the first message held is no gap');
    assert.equal(store.put(message(11)), false);
    assert.equal(store.put(message(14)), true, '12 and 13 are missing');
    assert.equal(store.contiguousTop(7), 11);
    store.put(message(12));
    store.put(message(13));
    assert.equal(store.contiguousTop(7), 14);
});

test('the hole-free top of nothing is 0, and conversations are kept apart', () => {
    const store = new MessageStore();
    assert.equal(store.contiguousTop(7), 0);
    store.put(message(1, 'a', 8));
    assert.equal(store.contiguousTop(7), 0);
    assert.equal(store.contiguousTop(8), 1);
    assert.deepEqual(store.conversations(), [8]);
});

test('scrolling back continues from the oldest held, until complete; a reset starts over', () => {
    const store = new MessageStore();
    store.open(7);
    assert.equal(store.oldest(7), undefined);
    store.put(message(40));
    store.put(message(41));
    assert.equal(store.oldest(7), 40);
    assert.equal(store.isComplete(7), false);
    store.markComplete(7);
    assert.equal(store.isComplete(7), true);
    store.reset(7);
    assert.equal(store.isComplete(7), false);
    assert.deepEqual(store.sorted(7), []);
    assert.ok(store.has(7));
});

test('a summary moves forward only, and counts unread from the read position', () => {
    const conversation = { lastSeq: 5, readSeq: 3, unread: 2, lastMessage: message(5) };
    advance(conversation, message(4, 'late'));
    assert.equal(conversation.lastMessage.seq, 5);
    assert.equal(conversation.unread, 2);
    advance(conversation, message(9));
    assert.equal(conversation.lastSeq, 9);
    assert.equal(conversation.lastMessageAt, 't9');
    assert.equal(conversation.unread, 6);
});

// Drafts: one per conversation, surviving a reload, bounded in number and length, and never
// broken by whatever another version of the page left in storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Drafts, MAX_DRAFTS, MAX_DRAFT_LENGTH } from '../../main/webapp/js/messaging/drafts.js';

class MemoryStorage {
    #items = new Map();
    getItem(key) { return this.#items.has(key) ? this.#items.get(key) : null; }
    setItem(key, value) { this.#items.set(key, String(value)); }
}

test('each conversation keeps its own draft', () => {
    const drafts = new Drafts(new MemoryStorage(), 'd');
    drafts.set(1, 'for Bob');
    drafts.set(2, 'for the group');
    assert.equal(drafts.get(1), 'for Bob');
    assert.equal(drafts.get(2), 'for the group');
    assert.equal(drafts.get(3), '');
});

test('a draft survives a reload, and blank text removes it', () => {
    const storage = new MemoryStorage();
    new Drafts(storage, 'd').set(5, 'half-typed');
    const reloaded = new Drafts(storage, 'd');
    assert.equal(reloaded.get(5), 'half-typed');
    assert.equal(reloaded.has(5), true);
    reloaded.set(5, '   ');
    assert.equal(new Drafts(storage, 'd').has(5), false);
});

test('the oldest drafts go first when there are too many, and long text is cut', () => {
    const storage = new MemoryStorage();
    const drafts = new Drafts(storage, 'd');
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts.set(i, `draft ${i}`);
    drafts.set(1, 'touched again');
    drafts.set('long', 'x'.repeat(MAX_DRAFT_LENGTH + 10));
    const reloaded = new Drafts(storage, 'd');
    assert.equal(reloaded.has(0), false);
    assert.equal(reloaded.has(2), false, 'the least recently touched after 0');
    assert.equal(reloaded.get(1), 'touched again');
    assert.equal(reloaded.get('long').length, MAX_DRAFT_LENGTH);
});

test('garbage in storage is ignored, not thrown', () => {
    for (const junk of ['{', '{"a":1}', '[[1,2],[3]]', 'null']) {
        const storage = new MemoryStorage();
        storage.setItem('d', junk);
        assert.equal(new Drafts(storage, 'd').get(1), '');
    }
});

test('a storage that refuses to write keeps the draft for the page', () => {
    const drafts = new Drafts({ getItem: () => null, setItem: () => { throw new Error('quota'); } }, 'd');
    assert.equal(drafts.set(1, 'still here'), true);
    assert.equal(drafts.get(1), 'still here');
});

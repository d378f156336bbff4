// Addresses: every view has one, they round-trip, and nothing malformed escapes to a view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatOf, chatRoute, formatRoute, parseRoute } from '../../main/webapp/js/shell/router.js';

test('sections and their views parse', () => {
    assert.deepEqual(parseRoute('#/chats'), { section: 'chats', path: '' });
    assert.deepEqual(parseRoute('#/chats/42'), { section: 'chats', path: '42' });
    assert.deepEqual(parseRoute('#/contacts/people/alice_1'), { section: 'contacts', path: 'people/alice_1' });
    assert.deepEqual(parseRoute('#/profile/password'), { section: 'profile', path: 'password' });
});

test('routes round-trip', () => {
    for (const hash of ['#/chats', '#/chats/7', '#/contacts/groups/3', '#/contacts/requests', '#/profile/devices']) {
        assert.equal(formatRoute(parseRoute(hash)), hash);
    }
    assert.equal(chatRoute(12), '#/chats/12');
});

test('no hash, an unknown section or anything malformed is the chat list', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/chats/<script>', '#/contacts/people/a b',
        '#/contacts/a/b/c/d', `#/chats/${'9'.repeat(70)}`, '#/contacts/people/%2e%2e', null, undefined]) {
        assert.deepEqual(parseRoute(hash), { section: 'chats', path: '' }, String(hash));
    }
});

test('only a numeric chat path names a chat', () => {
    assert.equal(chatOf(parseRoute('#/chats/42')), 42);
    assert.equal(chatOf(parseRoute('#/chats')), null);
    assert.equal(chatOf(parseRoute('#/chats/abc')), null);
    assert.equal(chatOf(parseRoute('#/contacts/groups/42')), null);
});

// How chats name things: one's remark wins where one reads a name, never where others read it
// (an @mention), and a message's one-line summary copes with every state a message can be in —
// deleted for me, recalled, a notice, media, text — without ever showing "null".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNames } from '../../main/webapp/js/messaging/names.js';
import { roster } from '../../main/webapp/js/social/roster.js';

const me = { id: 1, displayName: 'Me' };
const bob = { id: 2, displayName: 'Bob', username: 'bob' };
const state = {
    conversations: new Map([
        [10, { id: 10, kind: 'direct', peer: bob }],
        [20, { id: 20, kind: 'group', group: { id: 5, name: 'Hikers' } }],
    ]),
    members: new Map([[20, [
        { user: bob, nickname: null, role: 'member' },
        { user: { id: 3, displayName: 'Carol' }, nickname: 'Captain', role: 'admin' },
    ]]]),
};
roster.replace([{ user: bob, remark: '老鲍', contactGroupId: 1, online: true }]);
const names = createNames({ me, state });

test('a remark is the name one reads: list title, sender, but not the name others see', () => {
    assert.equal(names.title(state.conversations.get(10)), '老鲍');
    assert.equal(names.memberName(20, 2), '老鲍');
    assert.equal(names.memberName(20, 3), 'Captain', 'a group nickname when there is no remark');
    assert.equal(names.publicName(state.members.get(20)[0]), 'Bob', 'an @mention carries the public name');
    assert.equal(names.publicName(state.members.get(20)[1]), 'Captain');
});

test('a summary for every state of a message, never null', () => {
    const summaries = [
        { kind: 'text', body: null, hidden: true },
        { kind: 'text', recalled: true },
        { kind: 'image', media: { name: 'a.png' } },
        { kind: 'file', media: { name: 'plan.pdf' } },
        { kind: 'file' },
        { kind: 'text', body: 'hello' },
        { kind: 'text' },
        { kind: 'system', body: '{"event":"joined","user":2}' },
        { kind: 'system', body: 'not json' },
    ].map((m) => names.summary(20, m));
    for (const text of summaries) {
        assert.equal(typeof text, 'string');
        assert.ok(!/null|undefined/.test(text), text);
    }
    assert.equal(summaries[5], 'hello');
    assert.match(summaries[3], /plan\.pdf/);
});

test('a group preview names its sender, unless there is nothing of theirs to show', () => {
    const group = state.conversations.get(20);
    assert.equal(names.preview(group, { kind: 'text', sender: 2, body: 'hi' }), '老鲍: hi');
    assert.equal(names.preview(group, { kind: 'text', sender: 9, senderName: 'Dana', body: 'yo' }), 'Dana: yo');
    assert.ok(!names.preview(group, { kind: 'text', sender: 2, hidden: true }).startsWith('老鲍'));
    assert.equal(names.preview(state.conversations.get(10), { kind: 'text', sender: 2, body: 'hi' }), 'hi');
});

test('a notice names a member the page does not hold by the name it carries, and held ones as the reader sees them', () => {
    const joined = names.systemText(20, {
        kind: 'system', body: '{"event":"joined","user":42,"userName":"Dana","by":3,"byName":"Carol"}' });
    assert.match(joined, /Dana/, 'not held: the name in the notice');
    assert.ok(!/Someone|someone/.test(joined), joined);
    const byRemark = names.systemText(20, { kind: 'system', body: '{"event":"joined","user":2,"userName":"Bob"}' });
    assert.match(byRemark, /老鲍/, 'held: one\'s own remark wins over the name in the notice');
    const old = names.systemText(20, { kind: 'system', body: '{"event":"joined","user":42}' });
    assert.ok(!/undefined|null/.test(old), old);
});

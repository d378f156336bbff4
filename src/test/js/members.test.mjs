import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdMembers } from '../../main/webapp/js/messaging/members.js';

const member = (id) => ({ user: { id }, role: 'member' });

test('search hits are added once each, after what is held', () => {
    const held = [member(1), member(2)];
    assert.equal(holdMembers(held, [member(2), member(3), member(3), member(4)], 10), 2);
    assert.deepEqual(held.map((m) => m.user.id), [1, 2, 3, 4]);
    assert.equal(holdMembers(held, [member(1), member(4)], 10), 0);
});

test('never more than the bound are held', () => {
    const held = [member(1)];
    assert.equal(holdMembers(held, [member(2), member(3), member(4)], 3), 2);
    assert.deepEqual(held.map((m) => m.user.id), [1, 2, 3]);
    assert.equal(holdMembers(held, [member(9)], 3), 0);
});

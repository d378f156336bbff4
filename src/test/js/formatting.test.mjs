// Formatting what the chat shows: days (today, yesterday, a date), times in the list (a clock
// today, a date before), and sizes for people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clock, dayLabel, shortTime } from '../../main/webapp/js/messaging/time.js';
import { humanSize } from '../../main/webapp/js/dom.js';

test('today and yesterday have names; other days are dates', () => {
    assert.equal(dayLabel(new Date().toISOString()), 'Today');
    assert.equal(dayLabel(new Date(Date.now() - 86400000).toISOString()), 'Yesterday');
    const older = dayLabel('2024-02-29T12:00:00Z');
    assert.match(older, /2024/);
    assert.match(older, /February|29/);
});

test('the list shows a clock for today and a short date before', () => {
    const now = new Date();
    assert.equal(shortTime(now.toISOString()), clock(now.toISOString()));
    assert.match(clock(now.toISOString()), /\d{1,2}:\d{2}/);
    const lastYear = new Date(now.getFullYear() - 1, 2, 5, 10, 0).toISOString();
    assert.notEqual(shortTime(lastYear), clock(lastYear));
    assert.match(shortTime(lastYear), /3.*5|5.*3/);
});

test('sizes read the way people say them', () => {
    assert.equal(humanSize(0), '0 B');
    assert.equal(humanSize(1023), '1023 B');
    assert.equal(humanSize(1024), '1 KB');
    assert.equal(humanSize(340 * 1024), '340 KB');
    assert.equal(humanSize(1.25 * 1024 * 1024), '1.3 MB');
});

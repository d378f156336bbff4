// Emoji: search by name across the whole set, skin tones applied where Unicode allows them,
// and a recently-used list that stays short and without repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { MAX_RECENT, remember, searchEmoji, withSkinTone } from '../../main/webapp/js/messaging/emoji-data.js';

const groups = [
    { name: 'People & Body', emojis: [
        { emoji: '👍', name: 'thumbs up', skin_tone_support: true },
        { emoji: '✌️', name: 'victory hand', skin_tone_support: true },
        { emoji: '👎', name: 'thumbs down', skin_tone_support: true }] },
    { name: 'Smileys & Emotion', emojis: [{ emoji: '😀', name: 'grinning face', skin_tone_support: false }] },
];

test('search finds every word of the query in the name', () => {
    assert.deepEqual(searchEmoji(groups, 'thumbs').map((e) => e.emoji), ['👍', '👎']);
    assert.deepEqual(searchEmoji(groups, 'UP thumbs').map((e) => e.emoji), ['👍']);
    assert.deepEqual(searchEmoji(groups, '  '), []);
    assert.equal(searchEmoji(groups, 'thumbs', 1).length, 1);
});

test('a skin tone follows the base and replaces its presentation selector', () => {
    assert.equal(withSkinTone(groups[0].emojis[0], 3), '👍\u{1F3FD}');
    assert.equal(withSkinTone(groups[0].emojis[1], 1), '✌\u{1F3FB}');
    assert.equal(withSkinTone(groups[1].emojis[0], 3), '😀', 'no tone where Unicode has none');
    assert.equal(withSkinTone(groups[0].emojis[0], 0), '👍');
});

test('recently used: most recent first, no repeats, bounded', () => {
    let recent = [];
    for (let i = 0; i < MAX_RECENT + 5; i++) recent = remember(recent, String(i));
    recent = remember(recent, String(MAX_RECENT + 2));
    assert.equal(recent.length, MAX_RECENT);
    assert.equal(recent[0], String(MAX_RECENT + 2));
    assert.equal(new Set(recent).size, recent.length);
});

test('the data the build copies into the WAR has every group and thousands of emoji', () => {
    const file = new URL('../../../target/npm/unicode-emoji-json/package/data-by-group.json', import.meta.url);
    assert.ok(existsSync(file), 'the build fetched unicode-emoji-json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(data.length >= 9, 'groups');
    assert.ok(data.reduce((n, g) => n + g.emojis.length, 0) > 1800, 'emoji');
    assert.ok(searchEmoji(data, 'thumbs up').some((e) => e.emoji === '👍'));
});

// The emoji data's rules, pure (no DOM, no network; Node tests in src/test/js/): searching the
// Unicode set by name, applying a skin tone, and keeping the recently used list.
// The data itself (/emoji/data-by-group.json) is the unicode-emoji-json package, copied into the
// WAR by the build.

export const SKIN_TONES = ['', '\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];
export const MAX_RECENT = 24;
const VARIATION_SELECTOR = '\uFE0F';

/** The emoji with a skin tone (0 = none): the modifier follows its first character. */
export function withSkinTone(entry, tone) {
    const modifier = SKIN_TONES[tone] ?? '';
    if (!modifier || !entry.skin_tone_support) return entry.emoji;
    const [first, ...rest] = [...entry.emoji];
    // A modifier replaces the emoji-presentation selector that may follow the base.
    const tail = rest[0] === VARIATION_SELECTOR ? rest.slice(1) : rest;
    return first + modifier + tail.join('');
}

/** Emoji whose name contains every word of the query, at most {@code limit}. */
export function searchEmoji(groups, query, limit = 80) {
    const words = String(query).toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const found = [];
    for (const group of groups) {
        for (const entry of group.emojis) {
            const name = entry.name.toLowerCase();
            if (words.every((word) => name.includes(word))) {
                found.push(entry);
                if (found.length >= limit) return found;
            }
        }
    }
    return found;
}

/** The recently used list with {@code emoji} moved to the front, bounded. */
export function remember(recent, emoji) {
    return [emoji, ...recent.filter((each) => each !== emoji)].slice(0, MAX_RECENT);
}

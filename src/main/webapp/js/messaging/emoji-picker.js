// The emoji picker: the whole Unicode set by category, a search by name, the recently used
// ones first, and a skin tone that is remembered. Loaded the first time it opens. Arrow keys
// move in the grid, Enter picks, Esc closes (handled by the composer, which owns the popups).
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { remember, searchEmoji, SKIN_TONES, withSkinTone } from './emoji-data.js';

const COLUMNS = 8;
let data = null; // the groups, once loaded (shared by every picker of the page)

async function loadData() {
    if (!data) {
        const response = await fetch('/emoji/data-by-group.json');
        if (!response.ok) throw new Error(`emoji data: ${response.status}`);
        data = await response.json();
    }
    return data;
}

export function createEmojiPicker({ owner, onPick }) {
    const recentKey = `plume.emoji.recent.${owner}`; // per account: one's recent emoji are one's own
    const toneKey = 'plume.emoji.tone';
    let recent = readRecent();
    let tone = Number(localStorage.getItem(toneKey)) || 0;
    let category = recent.length ? 'recent' : null;

    const search = el('input', { type: 'search', class: 'emoji-search', maxlength: 40, autocomplete: 'off' });
    const tabs = el('div', { class: 'emoji-tabs', role: 'tablist' });
    const grid = el('div', { class: 'emoji-grid', role: 'group' });
    const tones = el('div', { class: 'emoji-tones', role: 'radiogroup' });
    const node = el('div', { class: 'emoji-panel', hidden: true, role: 'group' },
        el('div', { class: 'emoji-top' }, search, tones), tabs, grid);

    search.addEventListener('input', () => renderGrid());
    search.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown') {
            event.preventDefault();
            grid.querySelector('.emoji')?.focus();
        } else if (event.key === 'Enter') {
            event.preventDefault();
            grid.querySelector('.emoji')?.click();
        }
    });
    grid.addEventListener('keydown', (event) => {
        const buttons = [...grid.querySelectorAll('.emoji')];
        const at = buttons.indexOf(document.activeElement);
        const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[event.key];
        if (step === undefined || at < 0) return;
        event.preventDefault();
        if (at + step < 0) search.focus();
        else buttons[Math.min(buttons.length - 1, at + step)]?.focus();
    });

    async function open() {
        node.hidden = false;
        render();
        search.focus();
        try {
            await loadData();
            if (!category) category = data[0].slug;
            render();
        } catch {
            replace(grid, el('p', { class: 'hint' }, t('error.network')));
        }
    }

    function close() {
        node.hidden = true;
        search.value = '';
    }

    function pick(emoji) {
        recent = remember(recent, emoji);
        try {
            localStorage.setItem(recentKey, JSON.stringify(recent));
        } catch {
            // Storage full or disabled: remembered for this page only.
        }
        onPick(emoji);
    }

    function render() {
        search.placeholder = t('emoji.search');
        search.setAttribute('aria-label', t('emoji.search'));
        node.setAttribute('aria-label', t('chats.emoji'));
        grid.setAttribute('aria-label', t('chats.emoji'));
        tones.setAttribute('aria-label', t('emoji.skinTone'));
        replace(tones, SKIN_TONES.map((modifier, i) => el('button', { type: 'button', role: 'radio', class: 'tone',
            'aria-checked': String(i === tone), 'aria-label': t(`emoji.tone${i}`),
            onclick: () => { tone = i; localStorage.setItem(toneKey, String(i)); render(); } }, `✋${modifier}`)));
        const groups = data ?? [];
        replace(tabs, [
            recent.length ? tab('recent', '🕘', t('emoji.recent')) : null,
            ...groups.map((group) => tab(group.slug, group.emojis[0].emoji, t(`emoji.group.${group.slug}`))),
        ]);
        renderGrid();
    }

    function tab(slug, face, label) {
        return el('button', { type: 'button', role: 'tab', class: 'emoji-tab', 'aria-selected': String(slug === category),
            'aria-label': label, title: label, onclick: () => { category = slug; search.value = ''; render(); } }, face);
    }

    function renderGrid() {
        const query = search.value.trim();
        let entries;
        if (query && data) entries = searchEmoji(data, query);
        else if (category === 'recent') entries = recent.map((emoji) => ({ emoji, name: emoji, skin_tone_support: false }));
        else entries = data?.find((group) => group.slug === category)?.emojis ?? [];
        replace(grid, entries.length ? entries.map((entry) => {
            const emoji = withSkinTone(entry, tone);
            return el('button', { type: 'button', class: 'emoji', 'aria-label': entry.name, title: entry.name,
                onclick: () => pick(emoji) }, emoji);
        }) : el('p', { class: 'hint' }, data ? t('emoji.none') : t('app.loading')));
    }

    function readRecent() {
        try {
            const stored = JSON.parse(localStorage.getItem(recentKey) ?? '[]');
            return Array.isArray(stored) ? stored.filter((e) => typeof e === 'string' && e.length <= 16).slice(0, 24) : [];
        } catch {
            return [];
        }
    }

    return { node, open, close, isOpen: () => !node.hidden, render: () => { if (!node.hidden) render(); } };
}

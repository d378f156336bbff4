import en from './i18n/en.js';
import zhCN from './i18n/zh-CN.js';

// Translations: English and Simplified Chinese (the messages are in i18n/). The language is
// the user's choice (kept in localStorage) or else the browser's. Elements say what they need with data attributes:
//   data-i18n="key"        → textContent
//   data-i18n-aria="key"   → aria-label
const MESSAGES = { en, 'zh-CN': zhCN };

const STORAGE_KEY = 'plume.language';
let current = 'en';
const listeners = new Set();

function pick(preferred) {
    for (const tag of preferred) {
        if (!tag) continue;
        if (MESSAGES[tag]) return tag;
        if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
        if (tag.toLowerCase().startsWith('en')) return 'en';
    }
    return 'en';
}

export function initLanguage() {
    current = pick([localStorage.getItem(STORAGE_KEY), ...(navigator.languages || [navigator.language])]);
    apply(document);
}

export function language() {
    return current;
}

export function setLanguage(tag) {
    current = pick([tag]);
    localStorage.setItem(STORAGE_KEY, current);
    apply(document);
    listeners.forEach((listener) => listener(current));
}

/** Calls the listener after every language change; returns the function that stops it. */
export function onLanguageChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** The message for a key, with {placeholders} filled in; the key itself when unknown. */
export function t(key, values = {}) {
    const template = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function has(key) {
    return key in MESSAGES.en;
}

function apply(root) {
    document.documentElement.lang = current;
    root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-aria]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
    root.querySelectorAll('.language-select').forEach((select) => { select.value = current; });
}

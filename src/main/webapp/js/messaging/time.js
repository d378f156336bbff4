// Dates and times as the chat shows them, in the page's language.
import { language, t } from '../i18n.js';

export function dayLabel(iso) {
    const date = new Date(iso);
    const today = new Date();
    const yesterday = new Date(Date.now() - 86400000);
    if (date.toDateString() === today.toDateString()) return t('chats.today');
    if (date.toDateString() === yesterday.toDateString()) return t('chats.yesterday');
    return date.toLocaleDateString(language(), { year: 'numeric', month: 'long', day: 'numeric' });
}

export function clock(iso) {
    return new Date(iso).toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' });
}

export function shortTime(iso) {
    const date = new Date(iso);
    return date.toDateString() === new Date().toDateString() ? clock(iso)
        : date.toLocaleDateString(language(), { month: 'numeric', day: 'numeric' });
}


// Notices over the page: administrators' announcements (a banner each, live and at sign-in, until
// dismissed — dismissing is remembered by the server, on every device) and short notes that
// something happened (a report handled, a group closed by an administrator). Everything shown is
// text: announcements are written by administrators but still never parsed as HTML.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';

const NOTE_MS = 12_000;
const SEEN_KEY = 'plume.reports.seenAt.';

export function mountNotices({ gateway, me }) {
    const region = el('div', { class: 'notices', id: 'notices', role: 'region', 'aria-label': t('notices.label') });
    const banners = el('div', { class: 'banners' });
    const notes = el('div', { class: 'notes', role: 'status', 'aria-live': 'polite' });
    region.append(banners, notes);
    document.body.append(region);
    const shown = new Map(); // announcement id → announcement

    let expiry = null;

    /** Draws the announcements still running, and comes back when the next one's end time passes. */
    function renderBanners() {
        const now = Date.now();
        for (const [id, a] of shown) {
            if (a.endsAt && Date.parse(a.endsAt) <= now) shown.delete(id);
        }
        clearTimeout(expiry);
        const ends = [...shown.values()].filter((a) => a.endsAt).map((a) => Date.parse(a.endsAt));
        // At most a day ahead: timers further out are clamped by browsers anyway.
        if (ends.length) expiry = setTimeout(renderBanners, Math.min(Math.min(...ends) - now + 500, 86_400_000));
        replace(banners, [...shown.values()].sort((a, b) => b.id - a.id).map((a) => el('div', {
            class: 'banner', role: 'note', dataset: { announcement: a.id } },
        el('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '📣'),
        el('p', { class: 'banner-text' }, a.body,
            a.link ? el('a', { href: a.link, target: '_blank', rel: 'noopener noreferrer', class: 'banner-link' },
                t('notices.more')) : null),
        el('button', { type: 'button', class: 'link banner-dismiss', 'aria-label': t('notices.dismiss'),
            onclick: () => dismiss(a.id) }, '✕'))));
    }

    async function dismiss(id) {
        shown.delete(id);
        renderBanners();
        try {
            await api('POST', `/announcements/${id}/dismiss`);
        } catch {
            // Shown again at the next sign-in if the server did not hear it: better than lost.
        }
    }

    /** A short note that goes away by itself (or when closed). */
    function note(text) {
        const node = el('div', { class: 'note' }, el('p', {}, text),
            el('button', { type: 'button', class: 'link', 'aria-label': t('chats.close'), onclick: () => node.remove() }, '✕'));
        notes.append(node);
        setTimeout(() => node.remove(), NOTE_MS);
    }

    async function loadAnnouncements() {
        try {
            const current = await api('GET', '/announcements');
            shown.clear();
            current.forEach((a) => shown.set(a.id, a));
            renderBanners();
        } catch {
            // Not reachable now: the next welcome asks again.
        }
    }

    /** Reports handled while this person was away: said once per browser. */
    async function handledWhileAway() {
        const key = SEEN_KEY + me.id;
        const since = localStorage.getItem(key);
        try {
            const page = await api('GET', '/reports?size=20');
            const news = page.items.filter((r) => r.handledAt && (!since || Date.parse(r.handledAt) > Date.parse(since)));
            if (since && news.length) note(t('notices.reportsHandled', { count: news.length }));
            localStorage.setItem(key, new Date().toISOString());
        } catch {
            // Nothing to say now.
        }
    }

    gateway.addEventListener('welcome', () => { loadAnnouncements(); });
    gateway.addEventListener('announcement', (event) => {
        shown.set(event.detail.announcement.id, event.detail.announcement);
        renderBanners();
    });
    gateway.addEventListener('announcement.ended', (event) => {
        shown.delete(event.detail.announcement);
        renderBanners();
    });
    gateway.addEventListener('report.handled', () => {
        note(t('notices.reportHandled'));
        localStorage.setItem(SEEN_KEY + me.id, new Date().toISOString());
    });
    gateway.addEventListener('group.dissolved', (event) => {
        if (event.detail.reason) note(t('notices.groupClosed', { name: event.detail.name, reason: event.detail.reason }));
    });
    // Announcements are asked for on every welcome (sign-in, and after each reconnect).
    handledWhileAway();
    return { note };
}

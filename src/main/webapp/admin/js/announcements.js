// Announcements: publish one to everyone (text, an optional https link, an optional end), see
// them all, edit or end the ones showing. Their text is shown as text on every page.
import { api } from '/js/api.js';
import { el, replace } from '/js/dom.js';
import { has, t } from '/js/i18n.js';
import { openActionDialog } from './dialog.js';
import { instantFromLocal, when } from './format.js';
import { pager, table } from './people.js';

const PAGE_SIZE = 20;

export async function showAnnouncements(main, params) {
    const page = Number(params.get('page') || 0);
    const result = await api('GET', `/admin/announcements?page=${page}&size=${PAGE_SIZE}`);
    const status = el('p', { class: 'form-error', role: 'alert' });
    const reload = async () => {
        const said = status.textContent;
        await showAnnouncements(main, params);
        main.querySelector('.form-error[role=alert]').textContent = said;
    };
    const rows = result.items.map((a) => el('tr', { dataset: { announcement: a.id } },
        el('td', { class: 'clip' }, a.body),
        el('td', {}, a.link || '—'),
        el('td', {}, when(a.createdAt)),
        el('td', {}, a.endedAt ? when(a.endedAt) : a.endsAt ? when(a.endsAt) : t('admin.announce.untilEnded')),
        el('td', {}, el('span', { class: `state ${a.live ? 'ok' : ''}` }, t(a.live ? 'admin.announce.live' : 'admin.announce.ended'))),
        el('td', {}, a.live ? [
            el('button', { type: 'button', class: 'small', onclick: () => edit(a, reload) }, t('admin.announce.edit')),
            el('button', { type: 'button', class: 'small danger', dataset: { end: a.id }, onclick: async () => {
                status.textContent = '';
                try {
                    await api('POST', `/admin/announcements/${a.id}/end`);
                } catch (error) {
                    // Ended meanwhile (its time, another administrator): the list below says so.
                    status.textContent = has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
                }
                await reload();
            } }, t('admin.announce.end')),
        ] : null)));
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    replace(main,
        el('h1', {}, t('admin.announce.title')),
        el('p', { class: 'hint' }, t('admin.announce.explain')),
        status,
        el('div', { class: 'actions console-actions' }, el('button', { type: 'button', class: 'primary', id: 'announce-new',
            onclick: () => edit(null, reload) }, t('admin.announce.new'))),
        rows.length ? table(['admin.announce.text', 'admin.announce.link', 'admin.announce.created', 'admin.announce.until',
            'admin.announce.state', 'admin.device.action'], rows) : el('p', { class: 'empty' }, t('admin.announce.none')),
        pager(page, pages, (n) => `#/announcements?page=${n}`));
}

/** The dialog to publish (announcement null) or edit one. */
function edit(announcement, done) {
    const body = el('textarea', { id: 'announce-body', name: 'body', maxlength: '500', rows: '3', required: true });
    body.value = announcement?.body ?? '';
    const link = el('input', { id: 'announce-link', name: 'link', type: 'url', maxlength: '300', placeholder: 'https://…',
        value: announcement?.link ?? '' });
    const until = el('input', { id: 'announce-until', name: 'until', type: 'datetime-local' });
    if (announcement?.endsAt) {
        const date = new Date(announcement.endsAt);
        until.value = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    }
    openActionDialog({
        title: t(announcement ? 'admin.announce.edit' : 'admin.announce.publish'),
        withReason: false,
        fields: [{ name: 'body', label: t('admin.announce.text'), input: body },
            { name: 'link', label: t('admin.announce.link'), input: link },
            { name: 'until', label: t('admin.announce.untilOptional'), input: until }],
        send: (v) => {
            const draft = { body: v.body.trim(), link: v.link.trim() || null, until: instantFromLocal(v.until) };
            return announcement ? api('PUT', `/admin/announcements/${announcement.id}`, draft)
                : api('POST', '/admin/announcements', draft);
        },
        done,
    });
}

// The audit log: filtered, paged newest first, exportable as CSV, and its hash chain verified on
// request. Every text in it (reasons, names) came from people and goes in as text.
import { api, apiPage } from '/js/api.js';
import { el, replace } from '/js/dom.js';
import { t } from '/js/i18n.js';
import { instantFromLocal, when } from './format.js';

const FILTERS = ['actor', 'targetKind', 'target', 'action', 'from', 'to'];

export async function showAudit(main, params) {
    const filter = new URLSearchParams();
    FILTERS.forEach((name) => params.get(name) && filter.set(name, params.get(name)));
    const after = params.get('after');
    const query = new URLSearchParams(filter);
    if (after) query.set('after', after);
    const page = await apiPage(`/admin/audit?${query}`);

    const field = (name, labelKey, props = {}) => el('label', {}, t(labelKey),
        el('input', { name, value: local(name, params.get(name)), ...props }));
    const form = el('form', { class: 'filters', onsubmit: (event) => {
        event.preventDefault();
        const next = new URLSearchParams();
        for (const [name, value] of new FormData(event.target).entries()) {
            const v = String(value).trim();
            if (!v) continue;
            next.set(name, name === 'from' || name === 'to' ? instantFromLocal(v) : v);
        }
        location.hash = `#/audit?${next}`;
    } },
    field('actor', 'admin.audit.actor', { inputmode: 'numeric', pattern: '\\d*', size: '8' }),
    field('target', 'admin.audit.target', { inputmode: 'numeric', pattern: '\\d*', size: '8' }),
    field('action', 'admin.audit.action', { placeholder: 'account.ban', size: '14' }),
    field('from', 'admin.audit.from', { type: 'datetime-local' }),
    field('to', 'admin.audit.to', { type: 'datetime-local' }),
    filter.get('targetKind') ? el('input', { type: 'hidden', name: 'targetKind', value: filter.get('targetKind') }) : null,
    el('button', { type: 'submit', class: 'search-button' }, t('admin.audit.filter')));

    const verdict = el('p', { class: 'verdict', role: 'status' });
    const verify = el('button', { type: 'button', class: 'small', onclick: async () => {
        verify.disabled = true;
        try {
            const result = await api('POST', '/admin/audit/verify');
            verdict.className = `verdict ${result.intact ? 'ok' : 'danger'}`;
            verdict.textContent = result.intact ? t('admin.audit.intact', { count: result.checked })
                : t('admin.audit.broken', { position: result.brokenAt, problem: result.problem });
        } finally {
            verify.disabled = false;
        }
    } }, t('admin.audit.verify'));
    const exportLink = el('a', { class: 'small button-link', href: `/api/v1/admin/audit/export?${filter}`,
        download: 'plume-audit.csv' }, t('admin.audit.export'));
    const nextAfter = page.next && new URL(page.next, location.href).searchParams.get('after');
    const next = new URLSearchParams(filter);
    if (nextAfter) next.set('after', nextAfter);

    replace(main,
        el('h1', {}, t('admin.audit.title')),
        el('div', { class: 'actions console-actions' }, verify, exportLink),
        verdict,
        form,
        page.items.length ? auditTable(page.items) : el('p', { class: 'empty' }, t('admin.audit.none')),
        el('nav', { class: 'pager', 'aria-label': t('admin.pager') },
            after ? el('a', { href: `#/audit?${filter}` }, t('admin.audit.newest')) : null,
            nextAfter ? el('a', { href: `#/audit?${next}` }, t('admin.audit.older')) : null));
}

/** Audit rows as a table (also on a person's page). */
export function auditTable(rows) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data audit' },
        el('thead', {}, el('tr', {}, ['admin.audit.position', 'admin.audit.at', 'admin.audit.actor', 'admin.audit.action',
            'admin.audit.target', 'admin.audit.reason', 'admin.audit.detail', 'admin.audit.address']
            .map((key) => el('th', { scope: 'col' }, t(key))))),
        el('tbody', {}, rows.map((r) => el('tr', { dataset: { position: r.position } },
            el('td', { class: 'number' }, String(r.position)),
            el('td', {}, when(r.at)),
            el('td', {}, r.actorName ? el('a', { href: `#/people/${r.actorId}` }, `@${r.actorName}`) : t('admin.audit.system')),
            el('td', {}, el('code', {}, r.action)),
            el('td', {}, target(r)),
            el('td', { class: 'reason' }, r.reason || ''),
            el('td', {}, r.detail || ''),
            el('td', {}, r.clientAddress || ''))))));
}

function target(r) {
    if (r.targetKind === 'account' && r.targetId) {
        return el('a', { href: `#/people/${r.targetId}` }, r.targetName ? `@${r.targetName}` : `#${r.targetId}`);
    }
    return r.targetKind ? `${r.targetKind}${r.targetId ? ` #${r.targetId}` : ''}` : '';
}

/** A filter's value as its input shows it (times in local time). */
function local(name, value) {
    if (!value) return '';
    if (name !== 'from' && name !== 'to') return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '' : new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

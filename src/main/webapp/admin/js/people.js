// People: search, a person's record, and the moderation actions (each asks for a reason).
import { api } from '/js/api.js';
import { el, humanSize, replace } from '/js/dom.js';
import { submit, values } from '/js/forms.js';
import { t } from '/js/i18n.js';
import { auditTable } from './audit.js';
import { codeField } from './dialog.js';
import { instantFromLocal, localInput, when } from './format.js';

const PAGE_SIZE = 20;

export async function showPeople(main, params) {
    const query = params.get('q') || '';
    const page = Number(params.get('page') || 0);
    const input = el('input', { type: 'search', name: 'q', value: query, maxlength: '64',
        placeholder: t('admin.people.searchHint'), 'aria-label': t('admin.people.search') });
    const form = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        location.hash = `#/people?q=${encodeURIComponent(input.value.trim())}`;
    } }, input, el('button', { type: 'submit', class: 'search-button' }, t('admin.people.search')));
    const result = await api('GET', `/admin/people?q=${encodeURIComponent(query)}&page=${page}&size=${PAGE_SIZE}`);
    const rows = result.items.map((p) => el('tr', {},
        el('td', {}, el('a', { href: `#/people/${p.id}` }, p.displayName)),
        el('td', {}, `@${p.username}`),
        el('td', { class: 'number' }, String(p.id)),
        el('td', {}, t(`admin.role.${p.role}`)),
        el('td', {}, when(p.createdAt)),
        el('td', {}, states(p))));
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    replace(main,
        el('h1', {}, t('admin.people.title')),
        form,
        el('p', { class: 'hint' }, t('admin.people.count', { count: result.total })),
        rows.length ? table(['admin.people.name', 'admin.people.username', 'admin.people.id', 'admin.people.role',
            'admin.people.created', 'admin.people.state'], rows) : el('p', { class: 'empty' }, t('admin.people.none')),
        pager(page, pages, (n) => `#/people?q=${encodeURIComponent(query)}&page=${n}`));
}

function states(p) {
    return [p.banned && chip('admin.state.banned', 'danger'), p.muted && chip('admin.state.muted', 'warn')];
}

function chip(key, kind) {
    return el('span', { class: `state ${kind}` }, t(key));
}

export function table(headKeys, rows) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data' },
        el('thead', {}, el('tr', {}, headKeys.map((key) => el('th', { scope: 'col' }, t(key))))),
        el('tbody', {}, rows)));
}

export function pager(page, pages, href) {
    if (pages <= 1) return null;
    return el('nav', { class: 'pager', 'aria-label': t('admin.pager') },
        page > 0 ? el('a', { href: href(page - 1) }, t('admin.previous')) : null,
        el('span', {}, t('admin.pageOf', { page: page + 1, pages })),
        page + 1 < pages ? el('a', { href: href(page + 1) }, t('admin.next')) : null);
}

export async function showPerson(main, id, me) {
    const record = await api('GET', `/admin/people/${id}`);
    const a = record.account;
    const self = a.id === me.id;
    const facts = [
        ['admin.people.username', `@${a.username}`],
        ['admin.people.id', String(a.id)],
        ['admin.people.role', t(`admin.role.${a.role}`)],
        ['admin.people.email', a.email || (a.pendingEmail ? t('admin.people.emailPending', { address: a.pendingEmail })
            : t('admin.people.noEmail'))],
        ['admin.people.created', when(a.createdAt)],
        ['admin.people.lastSeen', when(a.lastSeenAt)],
        ['admin.people.online', record.connections ? t('admin.people.connections', { count: record.connections }) : t('admin.people.offline')],
        ['admin.people.friends', String(record.friends)],
        ['admin.people.groups', String(record.groups)],
        ['admin.people.messages', String(record.messagesSent)],
        ['admin.people.uploads', t('admin.people.uploadsValue', { files: record.uploads.files,
            size: humanSize(record.uploads.bytes), today: humanSize(record.uploads.last24HoursBytes),
            quota: humanSize(record.uploads.dailyQuotaBytes) })],
        ['admin.people.signature', a.signature || '—'],
    ];
    const state = [];
    if (a.banned) {
        state.push(el('p', { class: 'state-line danger' }, a.bannedPermanently ? t('admin.people.bannedForever')
            : t('admin.people.bannedUntil', { until: when(a.bannedUntil) }), a.banReason ? ` — ${a.banReason}` : ''));
    }
    if (a.mutedUntil) state.push(el('p', { class: 'state-line warn' }, t('admin.people.mutedUntil', { until: when(a.mutedUntil) })));

    const act = (action, options = {}) => () => openAction(main, me, a, action, options);
    const actions = self ? [el('p', { class: 'hint' }, t('admin.people.self'))] : [
        a.banned ? button('admin.action.unban', act('unban')) : button('admin.action.ban', act('ban'), 'danger'),
        a.mutedUntil ? button('admin.action.unmute', act('unmute')) : button('admin.action.mute', act('mute')),
        button('admin.action.signOutAll', act('sign-out')),
        a.email ? button('admin.action.passwordReset', act('password-reset')) : null,
        button('admin.action.purge', act('purge'), 'danger'),
        a.role === 'admin' ? button('admin.action.revokeAdmin', act('role', { role: 'user' }))
            : button('admin.action.grantAdmin', act('role', { role: 'admin' })),
    ];
    const devices = a.devices.map((d) => el('tr', {},
        el('td', {}, d.userAgent || '—'),
        el('td', {}, d.clientAddress || '—'),
        el('td', {}, when(d.createdAt)),
        el('td', {}, when(d.lastUsedAt)),
        el('td', {}, self ? null : el('button', { type: 'button', class: 'small',
            onclick: act('sign-out', { sessionId: d.id }) }, t('admin.action.signOutOne')))));
    replace(main,
        el('p', {}, el('a', { href: '#/people' }, t('admin.people.back'))),
        el('h1', {}, a.displayName),
        ...state,
        el('div', { class: 'actions console-actions' }, actions),
        el('dl', { class: 'facts' }, facts.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
        el('h2', {}, t('admin.people.devices')),
        devices.length ? table(['admin.device.agent', 'admin.device.address', 'admin.device.since',
            'admin.device.lastUsed', 'admin.device.action'], devices) : el('p', { class: 'hint' }, t('admin.people.noDevices')),
        el('h2', {}, t('admin.people.history')),
        record.history.length ? auditTable(record.history) : el('p', { class: 'hint' }, t('admin.people.noHistory')),
        el('p', {}, el('a', { href: `#/audit?targetKind=account&target=${a.id}` }, t('admin.people.fullHistory'))));
    main.focus({ preventScroll: true });
}

function button(key, onclick, kind = '') {
    return el('button', { type: 'button', class: `small ${kind}`.trim(), onclick }, t(key));
}

/**
 * The dialog of one action: the reason (required), and an end time for a ban (or "permanent")
 * and a mute. It posts, then shows the person as they are afterwards.
 */
function openAction(main, me, person, action, { role, sessionId } = {}) {
    const timed = action === 'ban' || action === 'mute';
    const reason = el('textarea', { name: 'reason', required: true, maxlength: '500', rows: '3',
        'aria-describedby': 'action-reason-error' });
    const until = timed ? el('input', { type: 'datetime-local', name: 'until', value: localInput(24),
        required: action === 'mute' }) : null;
    const period = action === 'purge' ? el('select', { name: 'period', id: 'action-period' },
        [['1', 'admin.purge.day'], ['7', 'admin.purge.week'], ['30', 'admin.purge.month'], ['all', 'admin.purge.all']]
            .map(([value, key]) => el('option', { value, selected: value === '7' }, t(key)))) : null;
    const permanent = action === 'ban' ? el('input', { type: 'checkbox', name: 'permanent', id: 'action-permanent',
        onchange: () => { until.disabled = permanent.checked; } }) : null;
    const code = codeField();
    const title = action === 'role' ? t(role === 'admin' ? 'admin.action.grantAdmin' : 'admin.action.revokeAdmin')
        : action === 'sign-out' && sessionId ? t('admin.action.signOutOne') : t(`admin.action.${actionKey(action)}`);
    const form = el('form', { method: 'dialog', novalidate: true },
        el('label', { for: 'action-reason' }, t('admin.action.reason')),
        Object.assign(reason, { id: 'action-reason' }),
        el('p', { class: 'field-error', role: 'alert', id: 'action-reason-error', dataset: { errorFor: 'reason' } }),
        until ? el('label', { for: 'action-until' }, t('admin.action.until')) : null,
        until ? Object.assign(until, { id: 'action-until' }) : null,
        until ? el('p', { class: 'field-error', role: 'alert', dataset: { errorFor: 'until' } }) : null,
        permanent ? el('label', { class: 'inline-check' }, permanent, t('admin.action.permanent')) : null,
        period ? el('label', { for: 'action-period' }, t('admin.purge.period')) : null,
        period,
        period ? el('p', { class: 'hint' }, t('admin.purge.explain')) : null,
        code.node,
        el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } }),
        el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('admin.cancel')),
            el('button', { type: 'submit', class: action === 'ban' || action === 'purge' ? 'primary danger' : 'primary' }, title)));
    const dialog = el('dialog', { class: 'dialog', 'aria-label': title },
        el('div', { class: 'dialog-head' }, el('h2', {}, title)),
        el('p', { class: 'hint' }, `${person.displayName} (@${person.username})`),
        form);
    form.onsubmit = (event) => submit(event, form, async () => {
        const v = values(form);
        if (!v.reason.trim()) {
            form.querySelector('[data-error-for="reason"]').textContent = t('admin.action.reasonRequired');
            reason.focus();
            return;
        }
        const body = { reason: v.reason.trim() };
        if (timed && !(permanent && permanent.checked)) body.until = instantFromLocal(v.until);
        if (role) body.role = role;
        if (period && v.period !== 'all') body.from = new Date(Date.now() - Number(v.period) * 86_400_000).toISOString();
        if (sessionId) body.sessionId = sessionId;
        // A sensitive action on a session that proved itself too long ago asks for a code (dialog.js).
        await code.retrying(form, () => api(action === 'role' ? 'PUT' : 'POST', `/admin/people/${person.id}/${action}`, body));
        dialog.close();
        await showPerson(main, person.id, me);
    });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
}

function actionKey(action) {
    return { ban: 'ban', unban: 'unban', mute: 'mute', unmute: 'unmute', 'sign-out': 'signOutAll', purge: 'purge',
        'password-reset': 'passwordReset' }[action];
}

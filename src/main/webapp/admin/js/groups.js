// Groups: search every group (dissolved ones on request), a group's page with its members and its
// history in the audit log, and the actions — dissolve, transfer, mute all, remove a member —
// each asking for a reason. Group names and texts were written by people: put in as text.
import { api } from '/js/api.js';
import { el, replace } from '/js/dom.js';
import { t } from '/js/i18n.js';
import { auditTable } from './audit.js';
import { openActionDialog } from './dialog.js';
import { when } from './format.js';
import { pager, table } from './people.js';

const PAGE_SIZE = 20;
const MUTE_CHOICES = [['60', 'admin.groups.mute.hour'], ['1440', 'admin.groups.mute.day'],
    ['10080', 'admin.groups.mute.week'], ['0', 'admin.groups.mute.lift']];

export async function showGroups(main, params) {
    const query = params.get('q') || '';
    const dissolved = params.get('dissolved') === 'true';
    const page = Number(params.get('page') || 0);
    const input = el('input', { type: 'search', name: 'q', value: query, maxlength: '64',
        placeholder: t('admin.groups.searchHint'), 'aria-label': t('admin.groups.search') });
    const withDissolved = el('input', { type: 'checkbox', name: 'dissolved', checked: dissolved });
    const href = (q, all, n = 0) => `#/groups?q=${encodeURIComponent(q)}&dissolved=${all}&page=${n}`;
    const form = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        location.hash = href(input.value.trim(), withDissolved.checked);
    } }, input, el('label', { class: 'inline-check' }, withDissolved, t('admin.groups.withDissolved')),
    el('button', { type: 'submit', class: 'search-button' }, t('admin.groups.search')));
    const result = await api('GET', `/admin/groups?q=${encodeURIComponent(query)}&dissolved=${dissolved}&page=${page}&size=${PAGE_SIZE}`);
    const rows = result.items.map(({ group: g, messages }) => el('tr', {},
        el('td', {}, el('a', { href: `#/groups/${g.id}` }, g.name)),
        el('td', { class: 'number' }, String(g.number)),
        el('td', {}, g.ownerName || String(g.ownerId)),
        el('td', { class: 'number' }, `${g.members} / ${g.memberLimit}`),
        el('td', { class: 'number' }, String(messages)),
        el('td', {}, when(g.createdAt)),
        el('td', {}, state(g))));
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    replace(main,
        el('h1', {}, t('admin.groups.title')),
        form,
        el('p', { class: 'hint' }, t('admin.groups.count', { count: result.total })),
        rows.length ? table(['admin.groups.name', 'admin.groups.number', 'admin.groups.owner', 'admin.groups.members',
            'admin.groups.messages', 'admin.groups.created', 'admin.groups.state'], rows) : el('p', { class: 'empty' }, t('admin.groups.none')),
        pager(page, pages, (n) => href(query, dissolved, n)));
}

function state(g) {
    if (g.dissolvedAt) return el('span', { class: 'state danger' }, t('admin.groups.dissolved'));
    if (g.allMutedUntil) return el('span', { class: 'state warn' }, t('admin.groups.allMuted'));
    return null;
}

export async function showGroup(main, id) {
    const record = await api('GET', `/admin/groups/${id}`);
    const d = record.detail;
    const g = d.group;
    const live = !g.dissolvedAt;
    const reload = () => showGroup(main, id);
    const post = (path) => (body) => api('POST', `/admin/groups/${id}/${path}`, body);
    const facts = [
        ['admin.groups.number', String(g.number)],
        ['admin.groups.owner', el('a', { href: `#/people/${g.ownerId}` }, g.ownerName || String(g.ownerId))],
        ['admin.groups.members', `${g.members} / ${g.memberLimit}`],
        ['admin.groups.messages', String(record.messages)],
        ['admin.groups.created', when(g.createdAt)],
        ['admin.groups.description', d.description || '—'],
        ['admin.groups.announcement', d.announcement || '—'],
    ];
    if (g.allMutedUntil) facts.push(['admin.groups.allMutedUntil', when(g.allMutedUntil)]);
    if (g.dissolvedAt) facts.push(['admin.groups.dissolvedAt', when(g.dissolvedAt)]);
    const muteSelect = () => el('select', { id: 'group-mute-minutes', name: 'minutes' },
        MUTE_CHOICES.map(([value, key]) => el('option', { value }, t(key))));
    const heirSelect = () => el('select', { id: 'group-heir', name: 'userId' },
        d.members.filter((m) => m.role !== 'owner').map((m) => el('option', { value: m.user.id },
            `${m.user.displayName} (@${m.user.username})`)));
    const actions = live ? [
        button('admin.groups.action.muteAll', () => openActionDialog({ title: t('admin.groups.action.muteAll'),
            subtitle: g.name, fields: [{ name: 'minutes', label: t('admin.groups.muteFor'), input: muteSelect() }],
            send: (body) => post('mute-all')({ ...body, minutes: Number(body.minutes) }), done: reload })),
        d.members.length > 1 ? button('admin.groups.action.transfer', () => openActionDialog({
            title: t('admin.groups.action.transfer'), subtitle: g.name,
            fields: [{ name: 'userId', label: t('admin.groups.heir'), input: heirSelect() }],
            send: (body) => post('transfer')({ ...body, userId: Number(body.userId) }), done: reload })) : null,
        button('admin.groups.action.dissolve', () => openActionDialog({ title: t('admin.groups.action.dissolve'),
            subtitle: g.name, danger: true, send: post('dissolve'), done: reload }), 'danger'),
    ] : [el('p', { class: 'hint' }, t('admin.groups.isDissolved'))];
    const members = d.members.map((m) => el('tr', {},
        el('td', {}, el('a', { href: `#/people/${m.user.id}` }, m.user.displayName)),
        el('td', {}, `@${m.user.username}`),
        el('td', {}, t(`admin.groups.role.${m.role}`)),
        el('td', {}, when(m.joinedAt)),
        el('td', {}, live && m.role !== 'owner' ? el('button', { type: 'button', class: 'small', dataset: { remove: m.user.id },
            onclick: () => openActionDialog({ title: t('admin.groups.action.remove'), subtitle: `${m.user.displayName} — ${g.name}`,
                send: (body) => post('remove-member')({ ...body, userId: m.user.id }), done: reload }) },
        t('admin.groups.action.remove')) : null)));
    replace(main,
        el('p', {}, el('a', { href: '#/groups' }, t('admin.groups.back'))),
        el('h1', {}, g.name),
        el('div', { class: 'actions console-actions' }, actions),
        el('dl', { class: 'facts' }, facts.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
        el('h2', {}, t('admin.groups.memberList')),
        members.length ? table(['admin.people.name', 'admin.people.username', 'admin.groups.roleLabel',
            'admin.groups.joined', 'admin.device.action'], members) : el('p', { class: 'hint' }, t('admin.groups.noMembers')),
        el('h2', {}, t('admin.people.history')),
        record.history.length ? auditTable(record.history) : el('p', { class: 'hint' }, t('admin.people.noHistory')));
    main.focus({ preventScroll: true });
}

function button(key, onclick, kind = '') {
    return el('button', { type: 'button', class: `small ${kind}`.trim(), onclick }, t(key));
}

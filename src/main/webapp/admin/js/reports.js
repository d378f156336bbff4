// Reports: the queue (open or resolved, newest first), a report with its evidence — the reported
// message among its neighbours as the reporter saw them, or the reported person as they looked —
// and the decisions, one click each with the reason filled in (and editable). Everything people
// wrote is put in as text.
import { api } from '/js/api.js';
import { el, replace } from '/js/dom.js';
import { has, t } from '/js/i18n.js';
import { codeField } from './dialog.js';
import { instantFromLocal, localInput, when } from './format.js';
import { pager, table } from './people.js';

const PAGE_SIZE = 20;

export async function showReports(main, params) {
    const status = params.get('status') === 'resolved' ? 'resolved' : 'open';
    const page = Number(params.get('page') || 0);
    const result = await api('GET', `/admin/reports?status=${status}&page=${page}&size=${PAGE_SIZE}`);
    const tabs = el('nav', { class: 'tabs', 'aria-label': t('admin.reports.title') },
        ['open', 'resolved'].map((s) => el('a', { href: `#/reports?status=${s}`, 'aria-current': s === status ? 'page' : null },
            t(`admin.reports.${s}`))));
    const rows = result.items.map((r) => el('tr', { dataset: { report: r.id } },
        el('td', {}, el('a', { href: `#/reports/${r.id}` }, `#${r.id}`)),
        el('td', {}, when(r.createdAt)),
        el('td', {}, t(`admin.reports.kind.${r.kind}`)),
        el('td', {}, t(`report.reason.${r.reason}`)),
        el('td', {}, r.targetName || String(r.target)),
        el('td', {}, r.reporterName || String(r.reporter)),
        el('td', { class: 'clip' }, r.note || '—'),
        status === 'resolved' ? el('td', {}, t(`admin.reports.outcome.${r.outcome}`)) : null));
    const heads = ['admin.reports.id', 'admin.reports.created', 'admin.reports.kindLabel', 'admin.reports.reason',
        'admin.reports.target', 'admin.reports.reporter', 'admin.reports.note'];
    if (status === 'resolved') heads.push('admin.reports.outcomeLabel');
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    replace(main,
        el('h1', {}, t('admin.reports.title')),
        tabs,
        el('p', { class: 'hint' }, t(`admin.reports.count.${status}`, { count: result.total })),
        rows.length ? table(heads, rows) : el('p', { class: 'empty' }, t(`admin.reports.none.${status}`)),
        pager(page, pages, (n) => `#/reports?status=${status}&page=${n}`));
}

export async function showReport(main, id) {
    const detail = await api('GET', `/admin/reports/${id}`);
    const r = detail.report;
    const facts = [
        ['admin.reports.created', when(r.createdAt)],
        ['admin.reports.kindLabel', t(`admin.reports.kind.${r.kind}`)],
        ['admin.reports.reason', t(`report.reason.${r.reason}`)],
        ['admin.reports.note', r.note || '—'],
        ['admin.reports.reporter', r.reporterName || String(r.reporter)],
        ['admin.reports.target', el('a', { href: `#/people/${r.target}` }, r.targetName || String(r.target))],
        ['admin.reports.others', String(Math.max(0, detail.openReportsOfSubject - (r.status === 'open' ? 1 : 0)))],
    ];
    if (r.status === 'resolved') {
        facts.push(['admin.reports.outcomeLabel', t(`admin.reports.outcome.${r.outcome}`)],
            ['admin.reports.resolvedAt', when(r.resolvedAt)], ['admin.reports.decisionReason', r.decisionReason || '—']);
    }
    const evidence = detail.evidence.length
        ? el('ol', { class: 'evidence' }, detail.evidence.map((line) => el('li', {
            class: line.reported ? 'reported' : null, dataset: { seq: line.seq } },
        el('p', { class: 'evidence-head' }, el('strong', {}, line.senderName || '—'), ' · ', when(line.createdAt),
            line.edited ? ` · ${t('admin.reports.edited')}` : '', line.reported ? ` · ${t('admin.reports.thisOne')}` : ''),
        el('p', { class: 'evidence-body' }, lineText(line)),
        line.media ? evidenceMedia(r.id, line) : null))) : null;
    replace(main,
        el('p', {}, el('a', { href: '#/reports' }, t('admin.reports.back'))),
        el('h1', {}, t('admin.reports.one', { id: r.id })),
        el('dl', { class: 'facts' }, facts.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
        detail.targetSnapshot ? el('section', {}, el('h2', {}, t('admin.reports.personAsReported')),
            el('p', { class: 'evidence-body' }, detail.targetSnapshot)) : null,
        evidence ? el('section', {}, el('h2', {}, t('admin.reports.evidence')), evidence) : null,
        r.status === 'open' ? decisionPanel(main, r) : null);
    main.focus({ preventScroll: true });
}

/** The upload a line carried, kept with the report: an image shown, a file to download. */
function evidenceMedia(reportId, line) {
    const href = `/api/v1/admin/reports/${reportId}/evidence/${line.seq}/media`;
    return line.kind === 'image'
        ? el('a', { href, target: '_blank', rel: 'noopener' },
            el('img', { src: href, alt: line.mediaName || t('admin.reports.media.image'), class: 'evidence-image', loading: 'lazy' }))
        : el('a', { href, download: line.mediaName || '' }, t('admin.reports.download', { name: line.mediaName || '' }));
}

/** What one line of evidence said: its text, the name of what it carried, or which notice it was. */
function lineText(line) {
    if (line.recalled) return t('admin.reports.recalled');
    if (line.mediaName) return `[${t(`admin.reports.media.${line.kind}`)}] ${line.mediaName}`;
    if (line.kind === 'system') {
        let event = '';
        try {
            event = JSON.parse(line.body).event ?? '';
        } catch {
            // A notice Plume cannot read back: named without its event.
        }
        return t('admin.reports.notice', { event });
    }
    return line.body ?? '';
}

/** The decisions: the reason (prefilled), the end of a mute or ban, and one button per action. */
function decisionPanel(main, r) {
    const reason = el('textarea', { id: 'decision-reason', name: 'reason', maxlength: '500', rows: '2' });
    reason.value = t('admin.reports.prefill', { id: r.id, reason: t(`report.reason.${r.reason}`) });
    const until = el('input', { type: 'datetime-local', id: 'decision-until', name: 'until', value: localInput(24) });
    const code = codeField();
    const error = el('p', { class: 'form-error', role: 'alert', dataset: { errorFor: 'form' } });
    const form = el('form', { class: 'decision', novalidate: true, onsubmit: (event) => event.preventDefault() },
        el('label', { for: 'decision-reason' }, t('admin.action.reason')), reason,
        el('label', { for: 'decision-until' }, t('admin.reports.until')), until,
        el('p', { class: 'hint' }, t('admin.reports.untilHint')),
        code.node, error);
    const decide = (action) => async (event) => {
        const button = event.currentTarget;
        error.textContent = '';
        if (!reason.value.trim()) {
            error.textContent = t('admin.action.reasonRequired');
            reason.focus();
            return;
        }
        const body = { action, reason: reason.value.trim() };
        if ((action === 'mute' || action === 'ban') && until.value) body.until = instantFromLocal(until.value);
        button.disabled = true;
        try {
            await code.retrying(form, () => api('POST', `/admin/reports/${r.id}/resolve`, body));
            await showReport(main, r.id);
        } catch (failure) {
            error.textContent = has(`error.${failure.code}`) ? t(`error.${failure.code}`) : (failure.message || t('error.generic'));
        } finally {
            button.disabled = false;
        }
    };
    const button = (action, kind = '') => el('button', { type: 'button', class: `small ${kind}`.trim(),
        dataset: { decision: action }, onclick: decide(action) }, t(`admin.reports.decide.${action}`));
    form.append(el('div', { class: 'actions console-actions' },
        button('dismiss'),
        r.kind === 'message' ? button('recall', 'warn') : null,
        button('mute', 'warn'),
        button('ban', 'danger'),
        button('purge', 'danger')));
    return el('section', {}, el('h2', {}, t('admin.reports.decision')), form);
}

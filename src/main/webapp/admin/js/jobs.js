// Retention and clean-up: each job (on or off, what it keeps, where it runs now, its last run),
// running one now, and the record of runs.
import { api } from '/js/api.js';
import { el, replace } from '/js/dom.js';
import { has, t } from '/js/i18n.js';
import { when } from './format.js';
import { pager, table } from './people.js';

const PAGE_SIZE = 20;

export async function showJobs(main, params) {
    const page = Number(params.get('page') || 0);
    const [jobs, runs] = await Promise.all([api('GET', '/admin/jobs'),
        api('GET', `/admin/jobs/runs?page=${page}&size=${PAGE_SIZE}`)]);
    const status = el('p', { class: 'form-error', role: 'alert' });
    const jobRows = jobs.map((j) => el('tr', { dataset: { job: j.name, lastRun: j.lastRun ? String(j.lastRun.id) : '' } },
        el('td', {}, t(`admin.jobs.name.${j.name}`)),
        el('td', {}, j.keep === 0 ? t('admin.jobs.keepForever') : t(`admin.jobs.keep.${j.keepUnit}`, { n: j.keep })),
        el('td', {}, j.runningOn || '—'),
        el('td', {}, j.lastRun ? `${when(j.lastRun.startedAt)} · ${t(`admin.jobs.outcome.${j.lastRun.outcome}`)} · ${j.lastRun.removed}` : '—'),
        el('td', {}, j.enabled ? el('button', { type: 'button', class: 'small', dataset: { run: j.name }, onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            status.textContent = '';
            try {
                await api('POST', `/admin/jobs/${j.name}/run`);
                await showJobs(main, params);
            } catch (error) {
                status.textContent = has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
                button.disabled = false;
            }
        } }, t('admin.jobs.runNow')) : el('span', { class: 'state' }, t('admin.jobs.off')))));
    const runRows = runs.items.map((r) => el('tr', {},
        el('td', {}, t(`admin.jobs.name.${r.job}`)),
        el('td', {}, r.node),
        el('td', {}, when(r.startedAt)),
        el('td', {}, when(r.finishedAt)),
        el('td', {}, t(`admin.jobs.outcome.${r.outcome}`)),
        el('td', { class: 'number' }, String(r.removed)),
        el('td', { class: 'clip' }, r.detail || '—')));
    const pages = Math.max(1, Math.ceil(runs.total / PAGE_SIZE));
    replace(main,
        el('h1', {}, t('admin.jobs.title')),
        el('p', { class: 'hint' }, t('admin.jobs.explain')),
        status,
        table(['admin.jobs.job', 'admin.jobs.window', 'admin.jobs.runningOn', 'admin.jobs.lastRun', 'admin.device.action'], jobRows),
        el('h2', {}, t('admin.jobs.runs')),
        runRows.length ? table(['admin.jobs.job', 'admin.jobs.node', 'admin.jobs.started', 'admin.jobs.finished',
            'admin.jobs.outcomeLabel', 'admin.jobs.removed', 'admin.jobs.detail'], runRows) : el('p', { class: 'empty' }, t('admin.jobs.noRuns')),
        pager(page, pages, (n) => `#/jobs?page=${n}`));
}

// The admin console: who may see it, and which section shows. Everything it shows comes from
// /api/v1/admin/…, which answers only administrators; this page holds no data of its own.
import { api } from '/js/api.js';
import { has, initLanguage, onLanguageChange, setLanguage, t } from '/js/i18n.js';
import { showAudit } from './audit.js';
import { showDashboard } from './dashboard.js';
import { showAnnouncements } from './announcements.js';
import { showGroup, showGroups } from './groups.js';
import { showJobs } from './jobs.js';
import { onSample, startLive } from './live.js';
import { showPeople, showPerson } from './people.js';
import { showReport, showReports } from './reports.js';

const query = (match) => new URLSearchParams(match[1] || '');
const SECTIONS = [
    [/^#\/dashboard$/, (match, main) => showDashboard(main)],
    [/^#\/reports\/(\d+)$/, (match, main) => showReport(main, Number(match[1]))],
    [/^#\/reports(?:\?(.*))?$/, (match, main) => showReports(main, query(match))],
    [/^#\/people\/(\d+)$/, (match, main, me) => showPerson(main, Number(match[1]), me)],
    [/^#\/people(?:\?(.*))?$/, (match, main) => showPeople(main, query(match))],
    [/^#\/groups\/(\d+)$/, (match, main) => showGroup(main, Number(match[1]))],
    [/^#\/groups(?:\?(.*))?$/, (match, main) => showGroups(main, query(match))],
    [/^#\/announcements(?:\?(.*))?$/, (match, main) => showAnnouncements(main, query(match))],
    [/^#\/jobs(?:\?(.*))?$/, (match, main) => showJobs(main, query(match))],
    [/^#\/audit(?:\?(.*))?$/, (match, main) => showAudit(main, query(match))],
];

async function boot() {
    initLanguage();
    document.querySelectorAll('.language-select').forEach((select) => {
        select.addEventListener('change', (event) => setLanguage(event.target.value));
    });
    let me;
    try {
        me = await api('GET', '/me');
    } catch (error) {
        if (error.status === 401) {
            // Not signed in: the sign-in page, which is the chat page's.
            location.replace('/');
            return;
        }
        document.getElementById('boot').textContent = t('error.network');
        return;
    }
    document.getElementById('boot').hidden = true;
    if (me.role !== 'admin') {
        document.getElementById('not-admin').hidden = false;
        return;
    }
    document.getElementById('console').hidden = false;
    document.getElementById('console-me').textContent = `@${me.username}`;
    const main = document.getElementById('console-main');
    const show = () => route(main, me);
    window.addEventListener('hashchange', show);
    onLanguageChange(show);
    if (!location.hash) history.replaceState(null, '', '#/dashboard');
    show();
    // The report queue's length on the navigation, from every live sample.
    onSample((sample) => showReportCount(sample.openReports));
    startLive();
}

function route(main, me) {
    for (const [pattern, render] of SECTIONS) {
        const match = pattern.exec(location.hash);
        if (match) {
            const section = location.hash.slice(2).split(/[/?]/)[0];
            document.querySelectorAll('.console-nav a').forEach((link) => {
                if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
                else link.removeAttribute('aria-current');
            });
            render(match, main, me).catch((error) => showFailure(main, error));
            return;
        }
    }
    location.replace('#/dashboard');
}

function showReportCount(count) {
    const badge = document.getElementById('reports-badge');
    const open = Math.max(0, Number(count) || 0);
    badge.hidden = open === 0;
    badge.textContent = open > 99 ? '99+' : String(open);
    badge.closest('a').setAttribute('aria-label', open ? `${t('admin.nav.reports')}, ${t('admin.reports.count.open', { count: open })}`
        : t('admin.nav.reports'));
}

/** A section that could not load says why, in words the operator can act on. */
export function showFailure(main, error) {
    const text = has(`error.${error.code}`) ? t(`error.${error.code}`) : t('error.generic');
    main.replaceChildren(Object.assign(document.createElement('p'), { className: 'form-error', textContent: text }));
    if (error.code === 'second_factor_required') {
        // The console asks for two-factor authentication: where to turn it on, then sign in again with a code.
        main.append(Object.assign(document.createElement('a'), { href: '/#/profile/two-factor', className: 'button-link',
            id: 'set-up-two-factor', textContent: t('admin.setUpTwoFactor') }));
    }
}

boot();
